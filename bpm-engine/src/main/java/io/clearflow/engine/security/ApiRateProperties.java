package io.clearflow.engine.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-client API rate limit ({@code clearflow.security.api-rate.*}); see {@link ApiRateLimit}.
 *
 * @param enabled   whether {@code /api/**} is limited at all
 * @param perSecond sustained requests per second per client
 * @param burst     requests a client may send at once
 */
@ConfigurationProperties("clearflow.security.api-rate")
record ApiRateProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100") double perSecond,
                         @DefaultValue("1000") int burst) { }
