package org.opengovdata.gateway.routing;

import java.util.List;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.client.HttpClient;

/**
 * Spring Cloud Gateway's own routing filters (the HTTP client call and the response write), given
 * {@link RelayHeaders} instead of every {@link HttpHeadersFilter} bean: one pass over a request's
 * headers instead of six copies. Spring Cloud Gateway's two beans are switched off for these
 * ({@code spring.cloud.gateway.server.webflux.global-filter.netty-routing.enabled: false} in
 * application.yml).
 */
@Configuration(proxyBeanMethods = false)
class RelayRoutingConfiguration {

  private static final List<HttpHeadersFilter> HEADERS = RelayHeaders.filters();

  @Bean
  NettyRoutingFilter relayRoutingFilter(HttpClient httpClient, HttpClientProperties properties) {
    return new NettyRoutingFilter(httpClient, null, properties) {
      @Override
      public List<HttpHeadersFilter> getHeadersFilters() {
        return HEADERS;
      }
    };
  }

  @Bean
  NettyWriteResponseFilter relayWriteResponseFilter(GatewayProperties properties) {
    return new NettyWriteResponseFilter(properties.getStreamingMediaTypes(), null) {
      @Override
      public List<HttpHeadersFilter> getHeadersFilters() {
        return HEADERS;
      }
    };
  }
}
