package io.clearflow.delivery.cockpit;

import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.identity.OrgDirectory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** How many members hold a delivery role (developer, tester, QC, ops), for the cockpit's team efficiency. */
@Component
class DeliveryTeam {

    private static final List<PlatformRole> TEAM_ROLES = List.of(PlatformRole.DEVELOPER, PlatformRole.TESTER,
            PlatformRole.QC, PlatformRole.OPS);
    private static final long TEAM_TTL_NANOS = 60_000_000_000L;

    private final OrgDirectory directory;
    /** {size, when counted (nanoTime)}; replaced whole, so readers never see half an update. */
    private volatile long[] team;

    DeliveryTeam(OrgDirectory directory) {
        this.directory = directory;
    }

    /**
     * Members with a delivery role, counted at most once a minute: four IDM membership queries per cockpit request
     * were a fifth of its time at the benchmark's volume, and the team changes far less often than that.
     */
    long size() {
        long[] cached = team;
        long now = System.nanoTime();
        if (cached != null && now - cached[1] < TEAM_TTL_NANOS) {
            return cached[0];
        }
        Set<String> members = new HashSet<>();
        for (PlatformRole role : TEAM_ROLES) {
            directory.membersOf(role.groupId()).forEach(m -> members.add(m.userId()));
        }
        team = new long[] {members.size(), now};
        return members.size();
    }
}
