package io.clearflow.demand.lifecycle;

import io.clearflow.demand.api.DemandState;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformRole;
import java.util.List;

/**
 * The transitions of the demand lifecycle: from which state, by which role. The kanban offers a
 * member exactly the actions this allows; the service refuses the rest (403 wrong role, 409 wrong
 * state).
 */
public enum DemandAction {
    TRIAGE(DemandState.SUBMITTED, List.of(PlatformRole.IT_MANAGER)),
    COMPLIANCE(DemandState.COMPLIANCE_REVIEW, List.of(PlatformRole.COMPLIANCE)),
    EVALUATE(DemandState.EVALUATION, List.of(PlatformRole.IT_MANAGER)),
    SPLIT(DemandState.SPLITTING, List.of(PlatformRole.IT_MANAGER)),
    UPDATE_TASK(DemandState.TRACKING, List.of(PlatformRole.IT_MANAGER, PlatformRole.DEVELOPER)),
    DELIVER(DemandState.TRACKING, List.of(PlatformRole.IT_MANAGER)),
    /** Business acceptance: only the requester, whatever their roles. */
    ACCEPTANCE(DemandState.ACCEPTANCE, List.of());

    private final DemandState from;
    private final List<PlatformRole> roles;

    DemandAction(DemandState from, List<PlatformRole> roles) {
        this.from = from;
        this.roles = roles;
    }

    public DemandState from() {
        return from;
    }

    /** Whether the member's role (or being the requester) entitles them to this action at all. */
    public boolean entitled(Member member, Demand demand) {
        if (this == ACCEPTANCE) {
            return member.userId().equals(demand.requester());
        }
        return roles.stream().anyMatch(member::hasRole);
    }

    public boolean allowed(Member member, Demand demand) {
        return demand.state() == from && entitled(member, demand);
    }
}
