package io.clearflow.delivery.execution;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * One deployment to carry out.
 *
 * @param deploymentId    the deployment's id in the delivery module
 * @param system          application system code, e.g. {@code ctrade}
 * @param environment     environment code, e.g. {@code production}
 * @param changeKey       the change request that allowed it, e.g. {@code CHG-2026-000012}; null outside a change
 * @param artifactName    file name of the artifact
 * @param artifactSha256  hex SHA-256 of its content; the executor checks what it deploys against it
 * @param artifactFile    the verified content in the platform's artifact store (for the embedded runner)
 * @param artifactUrl     where an outside system downloads the same content (for Jenkins)
 * @param settings        the environment's executor settings. Embedded runner: {@code steps} (one command a
 *                        line; placeholders {@code {artifact}}, {@code {sha256}}, {@code {name}},
 *                        {@code {environment}}, {@code {system}}, {@code {change}}, {@code {target}},
 *                        {@code {version}}; absent = the default steps of
 *                        {@link io.clearflow.delivery.execution.runner}), {@code target} (a folder, relative ones
 *                        under the data folder), {@code timeout} (ISO-8601 total, e.g. {@code PT10M}),
 *                        {@code step-timeout} (ISO-8601 per step, default the total). Jenkins: {@code job} (path
 *                        such as {@code deploy/ctrade-production}, folders separated by {@code /})
 * @param version         the version label, e.g. {@code 2.3.0}: with {@code system} it names the test-metrics
 *                        project and version that a Jenkins build's test report is recorded under; may be null
 *                        (then no test report is recorded)
 */
public record DeploymentOrder(long deploymentId, String system, String environment, String changeKey,
                              String artifactName, String artifactSha256, Path artifactFile, URI artifactUrl,
                              Map<String, String> settings, String version) {

    public DeploymentOrder {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** An order without a version label (no test report is recorded for it). */
    public DeploymentOrder(long deploymentId, String system, String environment, String changeKey,
                           String artifactName, String artifactSha256, Path artifactFile, URI artifactUrl,
                           Map<String, String> settings) {
        this(deploymentId, system, environment, changeKey, artifactName, artifactSha256, artifactFile, artifactUrl,
                settings, null);
    }
}
