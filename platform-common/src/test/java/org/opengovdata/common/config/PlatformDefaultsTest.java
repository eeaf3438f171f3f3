package org.opengovdata.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlatformDefaultsTest {

  private final SpringApplication application = new SpringApplication();

  @Test
  void sharedHealthSettingsComeFromTheDefaultsFile() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "application.yml", Map.of("spring.application.name", "catalog-service")));

    new PlatformDefaults().postProcessEnvironment(environment, application);

    assertThat(environment.getProperty("management.endpoint.health.status.http-mapping.degraded"))
        .isEqualTo("200");
    assertThat(environment.getProperty("management.endpoint.health.status.order"))
        .isEqualTo("down,out-of-service,degraded,up,unknown");
    assertThat(environment.getProperty("management.metrics.tags.application"))
        .isEqualTo("catalog-service");
  }

  @Test
  void aServiceOverridesADefault() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "application.yml",
                Map.of("management.endpoints.web.exposure.include", "health,info")));

    new PlatformDefaults().postProcessEnvironment(environment, application);
    new PlatformDefaults().postProcessEnvironment(environment, application);

    assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
        .isEqualTo("health,info");
    assertThat(
            environment.getPropertySources().stream()
                .filter(source -> source.getName().startsWith(PlatformDefaults.SOURCE_NAME))
                .count())
        .as("added once")
        .isEqualTo(1);
  }
}
