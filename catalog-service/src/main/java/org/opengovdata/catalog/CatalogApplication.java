package org.opengovdata.catalog;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CatalogApplication {

  public static void main(String[] args) {
    SpringApplication.run(CatalogApplication.class, args);
  }

  /**
   * The service's one source of "now" (cache back-off, publication days), injected so that tests of
   * time-dependent code pass a clock they control. UTC; code that needs a calendar day names its
   * zone ({@code ObservationLoader.PUBLICATION_ZONE}).
   */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
