package org.opengovdata.archive.storage;

import io.ocfl.api.OcflRepository;
import io.ocfl.core.OcflRepositoryBuilder;
import io.ocfl.core.extension.storage.layout.config.HashedNTupleLayoutConfig;
import io.ocfl.core.storage.common.Storage;
import io.ocfl.core.storage.filesystem.FileSystemStorage;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens (or initialises) the OCFL 1.1 storage root through ocfl-java. The {@link Storage} (files
 * or, later, S3) is chosen by {@code opendata.archive.ocfl.backend}; the repository, the validator
 * and the object walk all go through it, so nothing else knows where the bytes live.
 */
@Configuration(proxyBeanMethods = false)
class OcflConfiguration {

  @Bean(destroyMethod = "close")
  Storage ocflStorage(OcflProperties properties) throws IOException {
    ObjectValidator.registerDigestProviders();
    return switch (properties.backend()) {
      case FILESYSTEM -> {
        Files.createDirectories(properties.root());
        yield new FileSystemStorage(properties.root());
      }
      case S3 ->
          throw new IllegalStateException(
              "opendata.archive.ocfl.backend=s3 (ocfl-java-aws) is not available in this build;"
                  + " use filesystem");
    };
  }

  @Bean(destroyMethod = "close")
  OcflRepository ocflRepository(OcflProperties properties, Storage storage) throws IOException {
    Files.createDirectories(properties.effectiveWorkDir());
    return new OcflRepositoryBuilder()
        .defaultLayoutConfig(new HashedNTupleLayoutConfig())
        .storage(builder -> builder.storage(storage))
        .workDir(properties.effectiveWorkDir())
        .build();
  }

  @Bean
  OcflHealthIndicator ocflHealthIndicator(OcflProperties properties) {
    return new OcflHealthIndicator(properties.root());
  }
}
