package org.opengovdata.gateway.web;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** Applies {@link ConnectionLimits} to the gateway's Netty server. */
@Configuration(proxyBeanMethods = false)
class ConnectionLimitsConfiguration {

  @Bean
  NettyServerCustomizer connectionLimits(ConnectionLimits limits) {
    return server ->
        server
            .readTimeout(limits.bodyReadTimeout())
            .requestTimeout(limits.requestTimeout())
            .doOnChannelInit(
                (observer, channel, address) -> {
                  if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                    channel
                        .pipeline()
                        .addAfter(
                            NettyPipeline.HttpCodec,
                            "opendata.requestHeadDeadline",
                            new RequestHeadDeadline(limits.requestHeadTimeout()))
                        .addAfter(
                            "opendata.requestHeadDeadline",
                            "opendata.malformedRequestHead",
                            new MalformedRequestHead())
                        .addAfter(
                            "opendata.malformedRequestHead",
                            "opendata.bodyRateFloor",
                            new BodyRateFloor(
                                limits.minBodyRate().toBytes(), limits.bodyRateGrace().toNanos()));
                  }
                  // without the codec (not HTTP/1.1) the handler would see bytes, not requests
                  // and cut every connection: then only Netty's own timeouts apply
                });
  }
}
