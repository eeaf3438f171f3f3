package org.opengovdata.gateway.keys;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway authenticates keys.
 *
 * @param adminApiKey bootstrap admin key ({@code ADMIN_API_KEY}); checked in memory, so the
 *     operator can act even while Redis is down
 * @param keyCacheTtl how long a looked-up key is trusted locally; bounds revocation delay
 * @param keyRefreshInterval how often keys in use are re-read from Redis in the background
 * @param staleKeyGrace how long a cached key keeps working while Redis cannot be reached
 * @param redisTimeout longest wait for Redis on the request path
 * @param tokenLifetime lifetime of the identity token forwarded to the services (≤ 60 s)
 */
@Validated
@ConfigurationProperties("opendata.gateway.security")
public record GatewaySecurityProperties(
    String adminApiKey,
    @NotNull @DefaultValue("3s") Duration keyCacheTtl,
    @NotNull @DefaultValue("1s") Duration keyRefreshInterval,
    @NotNull @DefaultValue("60s") Duration staleKeyGrace,
    @NotNull @DefaultValue("150ms") Duration redisTimeout,
    @NotNull @DefaultValue("60s") Duration tokenLifetime) {}
