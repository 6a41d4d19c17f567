package io.clearflow.delivery.execution.jenkins;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Jenkins connection ({@code clearflow.delivery.jenkins.*}). Without {@code base-url} environments of kind
 * {@code jenkins} fail at once with a clear message; the embedded runner is the default.
 *
 * @param baseUrl            Jenkins' root URL, e.g. {@code https://jenkins.example.com/}
 * @param user               user of the API token (HTTP Basic); empty = anonymous
 * @param token              the user's API token (never committed: set {@code CLEARFLOW_DELIVERY_JENKINS_TOKEN})
 * @param parameters         names of the build parameters the deploy jobs take
 * @param pollInterval       how often a queue item and a running build are read
 * @param backoff            first wait after a failed call (Jenkins down, 5xx, connection refused); doubles per failure
 * @param maxBackoff         the longest wait between two attempts
 * @param giveUpAfter        how long calls may keep failing before the deployment is reported failed
 * @param connectTimeout     TCP connect timeout of one call
 * @param readTimeout        response timeout of one call
 * @param notificationSecret shared secret of the build notifications' HMAC-SHA256 signature; empty = endpoint off
 */
@ConfigurationProperties("clearflow.delivery.jenkins")
public record JenkinsProperties(String baseUrl, String user, String token, Parameters parameters,
                                Duration pollInterval, Duration backoff, Duration maxBackoff, Duration giveUpAfter,
                                Duration connectTimeout, Duration readTimeout, String notificationSecret) {

    /** Build parameter names; defaults {@code ARTIFACT_URL}, {@code ARTIFACT_SHA256}, {@code ENVIRONMENT}, {@code CHANGE_ID}. */
    public record Parameters(String artifactUrl, String artifactSha256, String environment, String changeId) {

        public Parameters {
            artifactUrl = orDefault(artifactUrl, "ARTIFACT_URL");
            artifactSha256 = orDefault(artifactSha256, "ARTIFACT_SHA256");
            environment = orDefault(environment, "ENVIRONMENT");
            changeId = orDefault(changeId, "CHANGE_ID");
        }
    }

    public JenkinsProperties {
        parameters = parameters == null ? new Parameters(null, null, null, null) : parameters;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        backoff = backoff == null ? Duration.ofSeconds(2) : backoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(1) : maxBackoff;
        giveUpAfter = giveUpAfter == null ? Duration.ofMinutes(30) : giveUpAfter;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
    }

    public boolean enabled() {
        return baseUrl != null && !baseUrl.isBlank();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
