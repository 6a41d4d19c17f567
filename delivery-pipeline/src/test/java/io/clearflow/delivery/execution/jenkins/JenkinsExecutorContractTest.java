package io.clearflow.delivery.execution.jenkins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.clearflow.delivery.execution.DeploymentOrder;
import io.clearflow.delivery.execution.RecordingListener;
import io.clearflow.testmetrics.api.DefectRecord;
import io.clearflow.testmetrics.api.TestEvidence;
import io.clearflow.testmetrics.api.TestRunRecord;
import io.clearflow.testmetrics.api.TestStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The Jenkins executor against WireMock serving Jenkins-shaped JSON (shapes of Jenkins' remote access API:
 * queue items with {@code why}, {@code cancelled}, {@code executable}; builds with {@code _class},
 * {@code result}, {@code building}, {@code duration}, {@code timestamp}, {@code number}, {@code queueId}; the
 * JUnit plugin's test report with {@code suites[].cases[]}).
 */
class JenkinsExecutorContractTest {

    private static final String JOB = "/job/deploy/job/ctrade-production";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private WireMockServer jenkins;
    private JenkinsExecutor executor;
    private final List<TestRunRecord> recorded = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startJenkins() {
        jenkins = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        jenkins.start();
    }

    @AfterEach
    void stop() {
        if (executor != null) {
            executor.close();
        }
        jenkins.stop();
    }

    private JenkinsExecutor executor(String baseUrl, Duration giveUpAfter) {
        JenkinsProperties properties = new JenkinsProperties(baseUrl, "clearflow", "11e2d8c0ffee", null,
                Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(400), giveUpAfter,
                Duration.ofSeconds(2), Duration.ofSeconds(5), null);
        JenkinsClient client = new JenkinsClient(properties, RestClient.builder(), new ObjectMapper());
        executor = new JenkinsExecutor(properties, client, new TestEvidence() {
            @Override
            public long recordTestRun(TestRunRecord run) {
                recorded.add(run);
                return recorded.size();
            }

            @Override
            public int recordDefects(String project, List<DefectRecord> defects) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<DefectRecord> defects(String project, String version) {
                throw new UnsupportedOperationException();
            }
        });
        return executor;
    }

    private JenkinsExecutor executor() {
        return executor(jenkins.baseUrl(), Duration.ofSeconds(10));
    }

    private static DeploymentOrder order(long id) {
        return new DeploymentOrder(id, "ctrade", "production", "CHG-2026-000012", "ctrade-2.3.0.jar", "ab".repeat(32),
                null, URI.create("https://clearflow.example.com/api/delivery/artifacts/7/content"),
                Map.of("job", "deploy/ctrade-production"), "2.3.0");
    }

    private static String fixture(String name) {
        try (InputStream in = JenkinsExecutorContractTest.class.getResourceAsStream("/jenkins/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void triggerAnswers201() {
        jenkins.stubFor(post(urlEqualTo(JOB + "/buildWithParameters"))
                .willReturn(aResponse().withStatus(201).withHeader("Location", jenkins.baseUrl() + "/queue/item/42/")));
    }

    private void queueItemLeavesForBuild17() {
        jenkins.stubFor(get(urlPathEqualTo("/queue/item/42/api/json")).inScenario("queue")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("left")
                .willReturn(okJson(fixture("queue-waiting.json"))));
        jenkins.stubFor(get(urlPathEqualTo("/queue/item/42/api/json")).inScenario("queue")
                .whenScenarioStateIs("left").willReturn(okJson(fixture("queue-left.json"))));
    }

    private void build17Ends(String finalFixture) {
        jenkins.stubFor(get(urlPathEqualTo(JOB + "/17/api/json")).inScenario("build")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
                .willReturn(okJson(fixture("build-running.json"))));
        jenkins.stubFor(get(urlPathEqualTo(JOB + "/17/api/json")).inScenario("build")
                .whenScenarioStateIs("done").willReturn(okJson(fixture(finalFixture))));
        jenkins.stubFor(get(urlEqualTo(JOB + "/17/logText/progressiveText?start=0")).willReturn(aResponse()
                .withStatus(200).withHeader("X-Text-Size", "29").withHeader("X-More-Data", "true")
                .withBody("Started by user clearflow\nA\n")));
        jenkins.stubFor(get(urlEqualTo(JOB + "/17/logText/progressiveText?start=29")).willReturn(aResponse()
                .withStatus(200).withHeader("X-Text-Size", "46").withBody("Finished: deploy step\n")));
        jenkins.stubFor(get(urlEqualTo(JOB + "/17/logText/progressiveText?start=46")).willReturn(aResponse()
                .withStatus(200).withHeader("X-Text-Size", "46").withBody("")));
        jenkins.stubFor(get(urlPathEqualTo(JOB + "/17/testReport/api/json")).willReturn(aResponse().withStatus(404)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=utf-8").withBody(body);
    }

    @Test
    void happyPathInAFolderJobFromTriggerToSuccess() throws Exception {
        triggerAnswers201();
        queueItemLeavesForBuild17();
        build17Ends("build-success.json");
        RecordingListener listener = new RecordingListener(1);

        executor().start(order(1), listener);

        RecordingListener.Outcome outcome = listener.await(WAIT).outcome(1);
        assertThat(outcome.succeeded()).as(outcome.tail()).isTrue();
        assertThat(listener.references.get(1L)).containsExactly(jenkins.baseUrl() + "/queue/item/42/",
                jenkins.baseUrl() + JOB + "/17/");
        assertThat(outcome.tail()).contains("Started by user clearflow\nA\nFinished: deploy step\n")
                .contains("build #17 of deploy/ctrade-production finished: SUCCESS");
        assertThat(listener.outputs.get(1L)).anySatisfy(o -> assertThat(o).contains("waiting in the queue: In the quiet period"));
        jenkins.verify(1, postRequestedFor(urlEqualTo(JOB + "/buildWithParameters"))
                .withHeader("Authorization", equalTo("Basic Y2xlYXJmbG93OjExZTJkOGMwZmZlZQ=="))
                .withRequestBody(containing("ARTIFACT_URL=https%3A%2F%2Fclearflow.example.com%2Fapi%2Fdelivery%2Fartifacts%2F7%2Fcontent"))
                .withRequestBody(containing("ARTIFACT_SHA256=" + "ab".repeat(32)))
                .withRequestBody(containing("ENVIRONMENT=production"))
                .withRequestBody(containing("CHANGE_ID=CHG-2026-000012")));
        jenkins.verify(getRequestedFor(urlEqualTo(JOB + "/17/logText/progressiveText?start=29")));
        assertThat(listener.problems).isEmpty();
        assertThat(recorded).isEmpty();
    }

    @Test
    void jobPathsNestFoldersAndEncodeSegments() {
        assertThat(JenkinsClient.jobPath("ctrade")).isEqualTo("/job/ctrade");
        assertThat(JenkinsClient.jobPath("deploy/ctrade-production")).isEqualTo("/job/deploy/job/ctrade-production");
        assertThat(JenkinsClient.jobPath("a b/c#d")).isEqualTo("/job/a%20b/job/c%23d");
        for (String bad : new String[] {"", "deploy//x", "deploy/../admin", "/x"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> JenkinsClient.jobPath(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void fetchesACrumbWithItsSessionCookieOnlyWhenJenkinsAsksForIt() throws Exception {
        String crumb = "6c3fd1a0c5a4b6e1e9f0b2a3d4c5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3";
        jenkins.stubFor(post(urlEqualTo(JOB + "/buildWithParameters")).atPriority(5).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Error 403 No valid crumb was included in the request</body></html>")));
        jenkins.stubFor(post(urlEqualTo(JOB + "/buildWithParameters")).atPriority(1)
                .withHeader("Jenkins-Crumb", equalTo(crumb)).withHeader("Cookie", containing("JSESSIONID.4f2a=node01x9"))
                .willReturn(aResponse().withStatus(201).withHeader("Location", jenkins.baseUrl() + "/queue/item/42/")));
        jenkins.stubFor(get(urlEqualTo("/crumbIssuer/api/json")).willReturn(okJson(fixture("crumb.json"))
                .withHeader("Set-Cookie", "JSESSIONID.4f2a=node01x9; Path=/; Secure; HttpOnly")));
        queueItemLeavesForBuild17();
        build17Ends("build-success.json");
        RecordingListener listener = new RecordingListener(1);

        executor().start(order(2), listener);

        assertThat(listener.await(WAIT).outcome(2).succeeded()).isTrue();
        jenkins.verify(1, getRequestedFor(urlEqualTo("/crumbIssuer/api/json")));
        jenkins.verify(2, postRequestedFor(urlEqualTo(JOB + "/buildWithParameters")));
        // reads need no crumb
        jenkins.verify(0, getRequestedFor(urlPathEqualTo("/queue/item/42/api/json")).withHeader("Jenkins-Crumb", containing("")));
    }

    @Test
    void aVanishedQueueItemIsFoundAgainByItsQueueIdAmongTheJobsBuilds() throws Exception {
        triggerAnswers201();
        jenkins.stubFor(get(urlPathEqualTo("/queue/item/42/api/json")).willReturn(aResponse().withStatus(404)));
        jenkins.stubFor(get(urlPathEqualTo(JOB + "/api/json")).willReturn(okJson(fixture("all-builds.json"))));
        build17Ends("build-success.json");
        RecordingListener listener = new RecordingListener(1);

        executor().start(order(3), listener);

        assertThat(listener.await(WAIT).outcome(3).succeeded()).isTrue();
        assertThat(listener.lastReference(3)).isEqualTo(jenkins.baseUrl() + JOB + "/17/");
        jenkins.verify(getRequestedFor(urlEqualTo(JOB + "/api/json?tree=allBuilds%5Bnumber%2CqueueId%2Cresult%2Cbuilding%5D%7B0%2C50%7D")));
    }

    @Test
    void aCancelledQueueItemFailsTheDeployment() throws Exception {
        triggerAnswers201();
        jenkins.stubFor(get(urlPathEqualTo("/queue/item/42/api/json")).willReturn(okJson(fixture("queue-cancelled.json"))));
        RecordingListener listener = new RecordingListener(1);

        executor().start(order(4), listener);

        RecordingListener.Outcome outcome = listener.await(WAIT).outcome(4);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.tail()).contains("queue item 42 of deploy/ctrade-production was cancelled");
        jenkins.verify(0, getRequestedFor(urlPathEqualTo(JOB + "/17/api/json")));
    }

    @Test
    void aFailedBuildFailsTheDeploymentWithItsLog() throws Exception {
        triggerAnswers201();
        queueItemLeavesForBuild17();
        build17Ends("build-failure.json");
        RecordingListener listener = new RecordingListener(1);

        executor().start(order(5), listener);

        RecordingListener.Outcome outcome = listener.await(WAIT).outcome(5);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.tail()).contains("Finished: deploy step").contains("finished: FAILURE");
    }

    @Test
    void jenkinsDownForAWhileIsRetriedWithBackOffAndTheDeploymentStillFinishes() throws Exception {
        jenkins.stubFor(post(urlEqualTo(JOB + "/buildWithParameters")).inScenario("down")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("still down")
                .willReturn(aResponse().withStatus(503).withBody("Jenkins is getting ready to work")));
        jenkins.stubFor(post(urlEqualTo(JOB + "/buildWithParameters")).inScenario("down")
                .whenScenarioStateIs("still down").willSetStateTo("reset")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        jenkins.stubFor(post(urlEqualTo(JOB + "/buildWithParameters")).inScenario("down")
                .whenScenarioStateIs("reset").willSetStateTo("up")
                .willReturn(aResponse().withStatus(502)));
        jenkins.stubFor(post(urlEqualTo(JOB + "/buildWithParameters")).inScenario("down").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withHeader("Location", jenkins.baseUrl() + "/queue/item/42/")));
        queueItemLeavesForBuild17();
        build17Ends("build-success.json");
        RecordingListener listener = new RecordingListener(1);
        long started = System.nanoTime();

        executor().start(order(6), listener);

        assertThat(listener.await(WAIT).outcome(6).succeeded()).isTrue();
        assertThat(listener.problems.get(6L)).hasSize(3);
        assertThat(listener.problems.get(6L).get(0)).contains("503");
        assertThat(listener.problems.get(6L).get(1)).contains("unreachable");
        assertThat(listener.problems.get(6L).get(2)).contains("502");
        // waits of 100, 200 and 400 ms between the four attempts
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        jenkins.verify(4, postRequestedFor(urlEqualTo(JOB + "/buildWithParameters")));
    }

    @Test
    void jenkinsDownForGoodFailsTheDeploymentAfterTheConfiguredTime() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RecordingListener listener = new RecordingListener(1);
        long started = System.nanoTime();

        executor("http://127.0.0.1:" + closedPort, Duration.ofSeconds(1)).start(order(7), listener);

        RecordingListener.Outcome outcome = listener.await(WAIT).outcome(7);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.tail()).contains("gave up after PT1S of failed calls: Jenkins is unreachable");
        assertThat(took).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertThat(listener.problems.get(7L)).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(p -> assertThat(p).contains("Jenkins is unreachable"));
        // the run reports its end before it leaves the executor's table: allow the moment between the two
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (executor.active() != 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(executor.active()).isZero();
    }

    @Test
    void anAnswerThatIsNotJsonIsAProblemAndTriedAgain() throws Exception {
        triggerAnswers201();
        jenkins.stubFor(get(urlPathEqualTo("/queue/item/42/api/json")).inScenario("queue")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Please wait while Jenkins is restarting</body></html>")));
        jenkins.stubFor(get(urlPathEqualTo("/queue/item/42/api/json")).inScenario("queue")
                .whenScenarioStateIs("ok").willReturn(okJson(fixture("queue-left.json"))));
        build17Ends("build-success.json");
        RecordingListener listener = new RecordingListener(1);

        executor().start(order(8), listener);

        assertThat(listener.await(WAIT).outcome(8).succeeded()).isTrue();
        assertThat(listener.problems.get(8L)).singleElement().asString()
                .contains("not JSON for queue item 42").contains("Please wait while Jenkins is restarting");
    }

    @Test
    void aRefusedTriggerFailsAtOnce() throws Exception {
        jenkins.stubFor(post(urlEqualTo(JOB + "/buildWithParameters")).willReturn(aResponse().withStatus(404)
                .withBody("Not Found")));
        RecordingListener listener = new RecordingListener(1);

        executor().start(order(9), listener);

        RecordingListener.Outcome outcome = listener.await(WAIT).outcome(9);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.tail()).contains("Jenkins refused trigger deploy/ctrade-production: 404");
        assertThat(listener.problems).isEmpty();
    }

    @Test
    void theTestReportGoesToTestMetricsWithJenkinsStatusesMapped() throws Exception {
        triggerAnswers201();
        queueItemLeavesForBuild17();
        build17Ends("build-success.json");
        jenkins.stubFor(get(urlPathEqualTo(JOB + "/17/testReport/api/json")).willReturn(okJson(fixture("test-report.json"))));
        RecordingListener listener = new RecordingListener(1);

        executor().start(order(10), listener);

        assertThat(listener.await(WAIT).outcome(10).tail()).contains("test report: 5 case(s), recorded in test-metrics for ctrade 2.3.0");
        assertThat(recorded).singleElement().satisfies(run -> {
            assertThat(run.project()).isEqualTo("ctrade");
            assertThat(run.version()).isEqualTo("2.3.0");
            assertThat(run.run()).isEqualTo("jenkins:deploy.ctrade-production#17");
            assertThat(run.source()).isEqualTo("jenkins:deploy/ctrade-production#17");
            assertThat(run.cases()).extracting(TestRunRecord.TestCaseRecord::name, TestRunRecord.TestCaseRecord::status,
                    TestRunRecord.TestCaseRecord::durationMs).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("placesAnOrder", TestStatus.PASSED, 12L),
                    org.assertj.core.groups.Tuple.tuple("cancelsAnOrder", TestStatus.PASSED, 500L),
                    org.assertj.core.groups.Tuple.tuple("netsTrades", TestStatus.FAILED, 1235L),
                    org.assertj.core.groups.Tuple.tuple("settles", TestStatus.FAILED, 3L),
                    org.assertj.core.groups.Tuple.tuple("reportsHolidays", TestStatus.SKIPPED, 0L));
            assertThat(run.cases().get(2).className()).isEqualTo("io.ctrade.clearing.NettingTest");
            assertThat(run.cases().get(2).message()).isEqualTo("expected: <100> but was: <99>");
        });
        assertThat(TestReports.status("SOMETHING_NEW")).isEqualTo(TestStatus.ERROR);
    }

    @Test
    void resumeFollowsTheStoredBuildAndANotificationCompletesItExactlyOnce() throws Exception {
        jenkins.stubFor(get(urlPathEqualTo(JOB + "/17/api/json")).willReturn(okJson(fixture("build-running.json"))));
        jenkins.stubFor(get(urlPathEqualTo(JOB + "/17/logText/progressiveText")).willReturn(aResponse().withStatus(200)
                .withHeader("X-Text-Size", "8").withHeader("X-More-Data", "true").withBody("working\n")));
        jenkins.stubFor(get(urlPathEqualTo(JOB + "/17/testReport/api/json")).willReturn(aResponse().withStatus(404)));
        RecordingListener listener = new RecordingListener(1);
        JenkinsExecutor jenkinsExecutor = executor();

        jenkinsExecutor.resume(order(11), jenkins.baseUrl() + JOB + "/17/", listener);
        Thread.sleep(300);
        assertThat(listener.outcomes).isEmpty();
        assertThat(jenkinsExecutor.notified("deploy/ctrade-production", 18, "SUCCESS")).isEmpty();
        assertThat(jenkinsExecutor.notified("deploy/other", 17, "SUCCESS")).isEmpty();

        assertThat(jenkinsExecutor.notified("deploy/ctrade-production", 17, "SUCCESS")).contains(11L);
        assertThat(listener.await(WAIT).outcome(11).succeeded()).isTrue();
        // polling now also sees the end: still one outcome
        jenkins.stubFor(get(urlPathEqualTo(JOB + "/17/api/json")).willReturn(okJson(fixture("build-success.json"))));
        Thread.sleep(300);
        assertThat(listener.outcomes.get(11L)).hasSize(1);
        assertThat(jenkinsExecutor.notified("deploy/ctrade-production", 17, "SUCCESS")).isEmpty();
        assertThat(jenkinsExecutor.active()).isZero();
    }

    @Test
    void resumeFromAQueueItemAndWithoutJenkinsConfigured() throws Exception {
        queueItemLeavesForBuild17();
        build17Ends("build-success.json");
        RecordingListener listener = new RecordingListener(2);

        executor().resume(order(12), jenkins.baseUrl() + "/queue/item/42/", listener);
        new JenkinsExecutor(new JenkinsProperties(null, null, null, null, null, null, null, null, null, null, null), null,
                null).start(order(13), listener);

        listener.await(WAIT);
        assertThat(listener.outcome(12).succeeded()).isTrue();
        jenkins.verify(0, postRequestedFor(urlEqualTo(JOB + "/buildWithParameters")));
        assertThat(listener.outcome(13).succeeded()).isFalse();
        assertThat(listener.outcome(13).tail()).contains("Jenkins is not configured");
    }
}
