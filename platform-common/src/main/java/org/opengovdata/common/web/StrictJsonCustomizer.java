package org.opengovdata.common.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are strict JSON: an object with the same property twice ({@code {"roles":
 * ["consumer"], "roles": ["admin"]}}) is a 400, not "the last one wins" — a proxy or validator that
 * reads the first occurrence must never see a different request than the service.
 */
class StrictJsonCustomizer implements JsonMapperBuilderCustomizer {

  @Override
  public void customize(JsonMapper.Builder builder) {
    builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }
}
