package org.opengovdata.common.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The shared secret ({@code JWT_SECRET}) of the gateway's identity tokens. No default: a service
 * without it refuses to start rather than accept tokens signed with a guessable key.
 */
@Validated
@ConfigurationProperties("opendata.security.jwt")
public record IdentityTokenProperties(
    @NotBlank(message = "set JWT_SECRET (at least 32 characters; scripts/up.sh generates one)")
        @Size(
            min = IdentityToken.MIN_SECRET_BYTES,
            message = "JWT_SECRET must be at least 32 characters")
        String secret,
    @DefaultValue("5s") Duration clockSkew) {}
