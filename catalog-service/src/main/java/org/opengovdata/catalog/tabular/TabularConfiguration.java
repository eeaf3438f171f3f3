package org.opengovdata.catalog.tabular;

import org.opengovdata.common.paging.KeysetCursor;
import org.opengovdata.common.security.IdentityTokenProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TabularConfiguration {

  /** The catalog's list cursors, signed with a key derived from the platform secret. */
  @Bean
  KeysetCursor catalogCursors(IdentityTokenProperties secrets) {
    return KeysetCursor.signedWith(secrets.secret(), "catalog-lists");
  }
}
