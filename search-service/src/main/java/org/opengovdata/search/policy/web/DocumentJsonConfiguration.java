package org.opengovdata.search.policy.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Puts {@link DocumentJson} before Jackson's converter for the document endpoints' answers. */
@Configuration(proxyBeanMethods = false)
class DocumentJsonConfiguration implements WebMvcConfigurer {

  private final JsonMapper mapper;

  DocumentJsonConfiguration(JsonMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.add(0, new DocumentJson(mapper));
  }
}
