package io.clearflow.delivery.change;

import io.clearflow.engine.api.PlatformRole;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Change approvals ({@code clearflow.delivery.changes.*}). Each listed role is one approval by a distinct person
 * who is neither the change's submitter, nor a developer of the version, nor the test submission's submitter.
 *
 * @param normal         roles approving a change of a system that is not critical (default QC, ops, IT manager)
 * @param critical       roles approving a change of a critical-information-infrastructure system (default the
 *                       same plus compliance: a fourth, independent second line for the systems whose outage is
 *                       reportable)
 * @param complianceRole added when the change is flagged compliance-relevant
 * @param emergency      roles of whom one approval lets an emergency change be deployed at once; the other
 *                       approvals follow afterwards
 */
@Validated
@ConfigurationProperties("clearflow.delivery.changes")
public record ChangeProperties(List<PlatformRole> normal, List<PlatformRole> critical, PlatformRole complianceRole,
                               List<PlatformRole> emergency) {

    /** The roles an approval task exists for in {@code deliveryChange}. */
    static final Set<PlatformRole> APPROVING = EnumSet.of(PlatformRole.QC, PlatformRole.OPS, PlatformRole.IT_MANAGER,
            PlatformRole.COMPLIANCE);

    public ChangeProperties {
        normal = normal == null || normal.isEmpty()
                ? List.of(PlatformRole.QC, PlatformRole.OPS, PlatformRole.IT_MANAGER) : List.copyOf(normal);
        critical = critical == null || critical.isEmpty()
                ? List.of(PlatformRole.QC, PlatformRole.OPS, PlatformRole.IT_MANAGER, PlatformRole.COMPLIANCE)
                : List.copyOf(critical);
        complianceRole = complianceRole == null ? PlatformRole.COMPLIANCE : complianceRole;
        emergency = emergency == null || emergency.isEmpty()
                ? List.of(PlatformRole.OPS, PlatformRole.IT_MANAGER) : List.copyOf(emergency);
        for (List<PlatformRole> roles : List.of(normal, critical, emergency, List.of(complianceRole))) {
            for (PlatformRole role : roles) {
                if (!APPROVING.contains(role)) {
                    throw new IllegalArgumentException("clearflow.delivery.changes: " + role
                            + " has no approval step; use " + APPROVING);
                }
            }
        }
    }

    /** The roles that must approve, in order, without repetition. */
    List<PlatformRole> required(boolean criticalSystem, boolean complianceRelevant) {
        Set<PlatformRole> roles = new LinkedHashSet<>(criticalSystem ? critical : normal);
        if (complianceRelevant) {
            roles.add(complianceRole);
        }
        return List.copyOf(roles);
    }
}
