package org.opengovdata.archive.storage;

import io.ocfl.api.OcflRepository;
import io.ocfl.core.OcflRepositoryBuilder;
import io.ocfl.core.extension.storage.layout.config.HashedNTupleLayoutConfig;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Opens (or initialises) the OCFL 1.1 storage root through ocfl-java. */
@Configuration(proxyBeanMethods = false)
class OcflConfiguration {

  @Bean(destroyMethod = "close")
  OcflRepository ocflRepository(OcflProperties properties) throws IOException {
    Files.createDirectories(properties.root());
    Files.createDirectories(properties.effectiveWorkDir());
    return new OcflRepositoryBuilder()
        .defaultLayoutConfig(new HashedNTupleLayoutConfig())
        .storage(storage -> storage.fileSystem(properties.root()))
        .workDir(properties.effectiveWorkDir())
        .build();
  }

  @Bean
  OcflHealthIndicator ocflHealthIndicator(OcflProperties properties) {
    return new OcflHealthIndicator(properties.root());
  }
}
