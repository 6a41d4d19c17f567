package io.clearflow.delivery.execution.jenkins;

import static io.clearflow.delivery.execution.jenkins.JenkinsHttp.found;
import static io.clearflow.delivery.execution.jenkins.JenkinsHttp.statusError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.execution.jenkins.JenkinsHttp.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.client.RestClient;

/**
 * A thin typed client of Jenkins' JSON remote API ({@code …/api/json}) on Spring's {@link RestClient}: trigger a
 * parameterised build, follow its queue item, find a build by queue id, read a build, its console log and its
 * test report. Authenticates with an API token (HTTP Basic); a crumb is fetched only when Jenkins refuses a POST
 * for lack of one (403 naming the crumb), and kept with the session cookie it belongs to. URLs are always built
 * from {@code base-url} and the job path, never taken from Jenkins' answers, so the credentials go nowhere else.
 */
public class JenkinsClient {

    /** A queue item: {@code buildNumber} once it left the queue for a build, {@code cancelled} when it never will. */
    public record QueueItem(long id, Integer buildNumber, boolean cancelled, String why) {
    }

    /** A build; {@code result} is null while it runs ({@code SUCCESS}, {@code UNSTABLE}, {@code FAILURE}, {@code ABORTED}, {@code NOT_BUILT}). */
    public record Build(int number, Long queueId, String result, boolean building, long durationMs, long timestamp) {

        public boolean done() {
            return !building && result != null;
        }
    }

    /** A piece of the console log from an offset; {@code next} is the offset to ask next, {@code more} while it grows. */
    public record LogChunk(String text, long next, boolean more) {
    }

    /** One test case of {@code testReport/api/json}; {@code status} as Jenkins names it, duration in seconds. */
    public record TestCase(String className, String name, String status, double durationSeconds, String errorDetails) {
    }

    private static final Pattern QUEUE_ITEM = Pattern.compile("/queue/item/(\\d+)/?$");

    private final JenkinsHttp http;
    private final String base;

    public JenkinsClient(JenkinsProperties properties, RestClient.Builder builder, ObjectMapper json) {
        this.http = new JenkinsHttp(properties, builder, json);
        this.base = http.base();
    }

    /**
     * The URL path of a job: {@code deploy/ctrade-production} → {@code /job/deploy/job/ctrade-production}, each
     * segment URL-encoded; empty, {@code .} and {@code ..} segments are refused.
     */
    public static String jobPath(String job) {
        if (job == null || job.isBlank()) {
            throw new IllegalArgumentException("no Jenkins job named");
        }
        StringBuilder path = new StringBuilder();
        for (String segment : job.strip().split("/", -1)) {
            if (segment.isBlank() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("not a Jenkins job path: " + job);
            }
            path.append("/job/").append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path.toString();
    }

    /** The build's page, as reported to the delivery module (and read back by {@link #buildNumber}). */
    public String buildUrl(String job, int number) {
        return base + jobPath(job) + "/" + number + "/";
    }

    public String queueItemUrl(long queueId) {
        return base + "/queue/item/" + queueId + "/";
    }

    /** The queue id in a queue item URL ({@code …/queue/item/42/}), or empty. */
    public static Optional<Long> queueId(String url) {
        Matcher m = url == null ? null : QUEUE_ITEM.matcher(url);
        return m != null && m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** Triggers {@code buildWithParameters}; returns the queue item's id from the {@code Location} header. */
    public long trigger(String job, Map<String, String> parameters) {
        String form = parameters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue() == null ? "" : e.getValue()))
                .collect(Collectors.joining("&"));
        Response response = http.post(jobPath(job) + "/buildWithParameters", form);
        if (response.status() != 201 && response.status() != 200) {
            throw statusError("trigger " + job, response);
        }
        return queueId(response.location()).orElseThrow(() -> JenkinsException.unavailable(
                "Jenkins accepted the build of " + job + " but named no queue item (Location: " + response.location() + ")",
                null));
    }

    /** The queue item, or empty when Jenkins no longer knows it (404: forgotten after ~5 minutes or a restart). */
    public Optional<QueueItem> queueItem(long queueId) {
        Response response = http.get("/queue/item/" + queueId + "/api/json");
        if (response.status() == 404) {
            return Optional.empty();
        }
        JsonNode item = http.parse(response, "queue item " + queueId);
        JsonNode executable = item.path("executable");
        Integer number = executable.hasNonNull("number") ? executable.path("number").asInt() : null;
        return Optional.of(new QueueItem(item.path("id").asLong(queueId), number, item.path("cancelled").asBoolean(false),
                item.path("why").isTextual() ? item.path("why").asText() : null));
    }

    /** The build that came from the queue item, among the job's latest 50 builds. */
    public Optional<Build> buildOfQueueItem(String job, long queueId) {
        Response response = found(http.get(jobPath(job) + "/api/json?tree=" + encode("allBuilds[number,queueId,result,building]{0,50}")),
                "job " + job);
        JsonNode builds = http.parse(response, "builds of " + job).path("allBuilds");
        for (JsonNode build : builds) {
            if (build.path("queueId").asLong(-1) == queueId) {
                return Optional.of(build(build));
            }
        }
        return Optional.empty();
    }

    public Build build(String job, int number) {
        Response response = found(http.get(jobPath(job) + "/" + number + "/api/json?tree="
                + encode("number,queueId,result,building,duration,timestamp")), "build " + job + " #" + number);
        return build(http.parse(response, "build " + job + " #" + number));
    }

    /** The console log from byte {@code start} ({@code X-Text-Size} is the next start, {@code X-More-Data} while it runs). */
    public LogChunk log(String job, int number, long start) {
        Response response = http.get(jobPath(job) + "/" + number + "/logText/progressiveText?start=" + start);
        if (response.status() != 200) {
            throw statusError("log of " + job + " #" + number, response);
        }
        long next = start + response.body().length;
        String size = response.headers().getFirst("X-Text-Size");
        if (size != null) {
            try {
                next = Long.parseLong(size.strip());
            } catch (NumberFormatException e) {
                // keep the counted length
            }
        }
        return new LogChunk(new String(response.body(), StandardCharsets.UTF_8), next,
                Boolean.parseBoolean(response.headers().getFirst("X-More-Data")));
    }

    /** The build's test cases, or empty when it published no test report (404). */
    public Optional<List<TestCase>> testReport(String job, int number) {
        Response response = http.get(jobPath(job) + "/" + number + "/testReport/api/json");
        if (response.status() == 404) {
            return Optional.empty();
        }
        List<TestCase> cases = new ArrayList<>();
        for (JsonNode suite : http.parse(response, "test report of " + job + " #" + number).path("suites")) {
            for (JsonNode c : suite.path("cases")) {
                cases.add(new TestCase(c.path("className").asText(""), c.path("name").asText(""),
                        c.path("status").asText(""), c.path("duration").asDouble(0),
                        c.path("errorDetails").isTextual() ? c.path("errorDetails").asText() : null));
            }
        }
        return Optional.of(cases);
    }

    private static Build build(JsonNode build) {
        return new Build(build.path("number").asInt(), build.hasNonNull("queueId") ? build.path("queueId").asLong() : null,
                build.path("result").isTextual() ? build.path("result").asText() : null, build.path("building").asBoolean(false),
                build.path("duration").asLong(0), build.path("timestamp").asLong(0));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
