package io.clearflow.engine.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param demoOrganisation seed the documented demo departments and users on first start
 *                         (on by default, off in the {@code postgres} profile)
 * @param demoPassword     the demo users' password (documented in the README; demo only)
 * @param adminPassword    if set and there is no user {@code admin} yet, create it with this password:
 *                         how a production install without demo data gets its first administrator
 */
@Validated
@ConfigurationProperties("clearflow.identity")
public record IdentityProperties(boolean demoOrganisation, String demoPassword, String adminPassword) {
}
