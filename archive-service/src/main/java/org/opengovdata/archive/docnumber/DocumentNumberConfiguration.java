package org.opengovdata.archive.docnumber;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the normaliser; replaced by {@code DocumentNumbers::normalise} once it is on main. */
@Configuration(proxyBeanMethods = false)
class DocumentNumberConfiguration {

  @Bean
  DocumentNumberNormaliser documentNumberNormaliser() {
    return raw -> raw == null || raw.isBlank() ? null : raw.strip();
  }
}
