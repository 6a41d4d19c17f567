package io.clearflow.delivery.system;

import java.util.Map;

/**
 * One network or cluster of a system's environment and the executor that deploys to it.
 *
 * @param environment dev, test, staging, production (or any configured name)
 * @param target      the network or cluster, e.g. {@code ctrade-sh}
 * @param executor    the {@code DeploymentExecutor} kind
 * @param settings    the executor's settings (steps, folder, timeout, Jenkins job)
 */
public record Environment(long id, String systemCode, String environment, String target, int position,
                          String executor, Map<String, String> settings) {

    public Environment {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** {@code production/ctrade-sh}: how a deployment names where it goes. */
    public String qualifiedName() {
        return environment + "/" + target;
    }
}
