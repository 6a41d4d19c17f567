package io.clearflow.engine.work;

import io.clearflow.engine.api.ConflictException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Which processes the generic task operations may move: all but those a module owns ({@link ModuleOwnedProcess}). */
@Component
class GenericOperations {

    /** The refusal's message key; pages and problem details show its text. */
    static final String REFUSED = "task.moduleOwned";

    private final Set<String> owned;

    GenericOperations(List<ModuleOwnedProcess> owned) {
        this.owned = owned.stream().map(ModuleOwnedProcess::processKey).collect(Collectors.toUnmodifiableSet());
    }

    boolean allowed(String processKey) {
        return !owned.contains(processKey);
    }

    /** 409 for a step of a module-owned process: its module's page keeps state and process in step. */
    void require(String processKey) {
        if (!allowed(processKey)) {
            throw new ConflictException(REFUSED);
        }
    }
}
