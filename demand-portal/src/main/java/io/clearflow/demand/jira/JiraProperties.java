package io.clearflow.demand.jira;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Jira connection ({@code clearflow.demand.jira.*}). Without {@code base-url} the portal runs
 * standalone and tracks development tasks itself (the embedded default).
 *
 * @param flavour             CLOUD (REST v3, token pagination) or SERVER (Server/Data Center, REST v2, startAt)
 * @param userEmail           with {@code apiToken}: HTTP Basic (Jira Cloud API token)
 * @param personalAccessToken Server/DC personal access token, sent as a bearer token (wins over Basic)
 * @param demandField         issue field that receives the demand id (e.g. {@code customfield_10050}); empty = labels only
 * @param webhookSecret       shared secret of the webhook's HMAC-SHA256 signature ({@code X-Hub-Signature})
 * @param statusMapping       Jira status name to tracking state (TODO, IN_PROGRESS, DONE); unmapped names
 *                            fall back to Jira's status category (new, indeterminate, done)
 * @param syncInterval        how often the reconciliation sync reads every ClearFlow issue back
 * @param retryInterval       base delay before a failed issue creation is retried (doubles up to 32x)
 * @param maxAttempts         HTTP attempts per call on 429/5xx/connection errors
 * @param backoff             first backoff on 5xx (doubles per attempt)
 * @param maxRetryAfter       longest Retry-After the client honours inside one call
 */
@ConfigurationProperties("clearflow.demand.jira")
public record JiraProperties(String baseUrl, Flavour flavour, String project, String issueType, String userEmail,
                             String apiToken, String personalAccessToken, String demandField, String webhookSecret,
                             Map<String, String> statusMapping, Duration syncInterval, Duration retryInterval,
                             Integer maxAttempts, Duration backoff, Duration maxRetryAfter, Integer pageSize,
                             Duration timeout) {

    public enum Flavour { CLOUD, SERVER }

    public JiraProperties {
        flavour = flavour == null ? Flavour.CLOUD : flavour;
        project = project == null ? "DEM" : project;
        issueType = issueType == null ? "Task" : issueType;
        statusMapping = statusMapping == null || statusMapping.isEmpty() ? Map.of("To Do", "TODO", "Open", "TODO",
                "Backlog", "TODO", "In Progress", "IN_PROGRESS", "In Review", "IN_PROGRESS", "Done", "DONE",
                "Resolved", "DONE", "Closed", "DONE") : Map.copyOf(statusMapping);
        syncInterval = syncInterval == null ? Duration.ofMinutes(10) : syncInterval;
        retryInterval = retryInterval == null ? Duration.ofSeconds(30) : retryInterval;
        maxAttempts = maxAttempts == null ? 4 : maxAttempts;
        backoff = backoff == null ? Duration.ofMillis(500) : backoff;
        maxRetryAfter = maxRetryAfter == null ? Duration.ofSeconds(30) : maxRetryAfter;
        pageSize = pageSize == null ? 100 : pageSize;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }

    public boolean enabled() {
        return baseUrl != null && !baseUrl.isBlank();
    }

    /** Where a Jira key links to ({base-url}/browse/), or null when Jira is not configured or its address is no web address. */
    public String browseUrl() {
        return baseUrl != null && baseUrl.matches("(?i)https?://.+") ? baseUrl.replaceAll("/+$", "") + "/browse/" : null;
    }

    public int apiVersion() {
        return flavour == Flavour.CLOUD ? 3 : 2;
    }
}
