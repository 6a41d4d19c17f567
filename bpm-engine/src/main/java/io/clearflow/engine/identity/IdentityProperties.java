package io.clearflow.engine.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param demoOrganisation seed the documented demo departments and users on first start
 *                         (on by default, off in the {@code postgres} profile)
 * @param demoPassword     the demo users' password (documented in the README; demo only)
 * @param adminPassword    if set and there is no user {@code admin} yet, create it with this password:
 *                         how a production install without demo data gets its first administrator
 * @param cacheTtl         how long a node keeps a user's department and roles, or a unit, before it
 *                         reads them again (default 30 s): changes made on this node are seen at
 *                         once, changes made on another node within this time
 */
@Validated
@ConfigurationProperties("clearflow.identity")
public record IdentityProperties(boolean demoOrganisation, String demoPassword, String adminPassword,
                                 Duration cacheTtl) {

    public IdentityProperties {
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(30) : cacheTtl;
    }
}
