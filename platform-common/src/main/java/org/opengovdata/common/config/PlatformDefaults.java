package org.opengovdata.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code opendata-defaults.yml} (health/DEGRADED mapping, graceful shutdown, JSON settings,
 * Redis and token-secret variables) to every application that has platform-common on its class
 * path, <em>below</em> its own {@code application.yml}: the shared settings are written once, and a
 * service (or the environment) can still override each of them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

  static final String RESOURCE = "opendata-defaults.yml";
  static final String SOURCE_NAME = "opendata-defaults";

  /** After the application's own config data is loaded, so that ours ends up below it. */
  @Override
  public int getOrder() {
    return ConfigDataEnvironmentPostProcessor.ORDER + 1;
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    MutablePropertySources sources = environment.getPropertySources();
    if (sources.contains(SOURCE_NAME)) {
      return;
    }
    for (PropertySource<?> defaults : load()) {
      if (sources.contains("defaultProperties")) {
        sources.addBefore("defaultProperties", defaults);
      } else {
        sources.addLast(defaults);
      }
    }
  }

  private static List<PropertySource<?>> load() {
    try {
      return new YamlPropertySourceLoader().load(SOURCE_NAME, new ClassPathResource(RESOURCE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + " from platform-common", e);
    }
  }
}
