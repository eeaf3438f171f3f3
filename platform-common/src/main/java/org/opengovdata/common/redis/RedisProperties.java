package org.opengovdata.common.redis;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Redis is and how long the services wait for it. Short timeouts: Redis holds caches and
 * events, and a slow Redis must make a request slower, never hang it.
 */
@Validated
@ConfigurationProperties("opendata.redis")
public record RedisProperties(
    @NotNull @DefaultValue("redis://localhost:6379") URI url,
    @NotNull @DefaultValue("500ms") Duration timeout,
    @DefaultValue("16") int maxConnections) {}
