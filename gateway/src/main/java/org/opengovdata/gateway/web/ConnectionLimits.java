package org.opengovdata.gateway.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How long a client may take (issue: a 1-byte-per-second client held a connection for minutes).
 *
 * @param requestHeadTimeout a request's line and headers must be complete within this time of the
 *     connection opening or of the previous response (also closes idle keep-alive connections)
 * @param bodyReadTimeout longest pause while a request body is being received
 * @param requestTimeout longest time to receive a whole request body (large archive uploads)
 * @param minBodyRate slowest average rate, per second, at which a request body may arrive once
 *     {@code bodyRateGrace} has passed (a trickling client never pauses long enough for {@code
 *     bodyReadTimeout})
 * @param bodyRateGrace time a request body gets before {@code minBodyRate} applies
 */
@ConfigurationProperties("opendata.gateway.connections")
public record ConnectionLimits(
    @DefaultValue("10s") Duration requestHeadTimeout,
    @DefaultValue("10s") Duration bodyReadTimeout,
    @DefaultValue("10m") Duration requestTimeout,
    @DefaultValue("500B") DataSize minBodyRate,
    @DefaultValue("10s") Duration bodyRateGrace) {}
