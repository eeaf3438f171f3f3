package org.opengovdata.common.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Duplicate properties in request bodies are a 400 — in the servlet services and in the reactive
 * gateway alike (its key endpoints read JSON bodies too), so this is not tied to one web stack.
 */
@AutoConfiguration
@ConditionalOnClass(JsonMapperBuilderCustomizer.class)
public class StrictJsonAutoConfiguration {

  @Bean
  JsonMapperBuilderCustomizer strictJsonCustomizer() {
    return new StrictJsonCustomizer();
  }
}
