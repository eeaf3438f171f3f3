package org.opengovdata.archive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ArchiveApplication {

  public static void main(String[] args) {
    SpringApplication.run(ArchiveApplication.class, args);
  }
}
