package org.opengovdata.archive.storage;

import io.ocfl.api.OcflRepository;
import io.ocfl.core.OcflRepositoryBuilder;
import io.ocfl.core.extension.storage.layout.config.HashedNTupleLayoutConfig;
import io.ocfl.core.storage.common.Storage;
import java.io.IOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens (or initialises) the OCFL 1.1 storage root through ocfl-java. The {@link Storage} (files or
 * S3) is chosen by {@code opendata.archive.ocfl.backend}; the repository, the validator and the
 * object walk all go through it, so nothing else knows where the bytes live.
 */
@Configuration(proxyBeanMethods = false)
class OcflConfiguration {

  @Bean(destroyMethod = "close")
  OcflBackend ocflBackend(OcflProperties properties) throws IOException {
    ObjectValidator.registerDigestProviders();
    return OcflBackend.open(properties);
  }

  @Bean(destroyMethod = "") // closed by its OcflBackend
  Storage ocflStorage(OcflBackend backend) {
    return backend.storage();
  }

  /**
   * On a shared (S3) root several archive instances write: ocfl-java's object lock then lives in
   * PostgreSQL (its own table {@code ocfl_object_lock}, created by ocfl-java) instead of in memory,
   * and inventories are not cached per process, where another instance's new version would go
   * unseen. No object-details database: S3 is strongly consistent, and write-intent recovery and
   * restore change object roots beneath ocfl-java, which would leave that table stale.
   */
  @Bean(destroyMethod = "close")
  OcflRepository ocflRepository(
      OcflProperties properties, OcflBackend backend, Storage storage, DataSource dataSource)
      throws IOException {
    Files.createDirectories(properties.effectiveWorkDir());
    OcflRepositoryBuilder builder =
        new OcflRepositoryBuilder()
            .defaultLayoutConfig(new HashedNTupleLayoutConfig())
            .storage(b -> b.storage(storage))
            .workDir(properties.effectiveWorkDir());
    if (backend.shared()) {
      builder.objectLock(lock -> lock.dataSource(dataSource)).inventoryCache(null);
    }
    return builder.build();
  }

  @Bean
  OcflHealthIndicator ocflHealthIndicator(OcflProperties properties, Storage storage) {
    return new OcflHealthIndicator(properties, storage);
  }
}
