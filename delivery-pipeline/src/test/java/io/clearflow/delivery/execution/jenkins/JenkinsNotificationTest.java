package io.clearflow.delivery.execution.jenkins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.clearflow.delivery.DeliveryTestApplication;
import io.clearflow.delivery.execution.DeploymentExecutor;
import io.clearflow.delivery.execution.DeploymentOrder;
import io.clearflow.delivery.execution.RecordingListener;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The signed notification endpoint in the running module, and the executors it wires. */
@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class JenkinsNotificationTest {

    static final String SECRET = "notification-secret-1";
    static final String JOB = "/job/deploy/job/ctrade-production";
    static final WireMockServer JENKINS = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        JENKINS.start();
    }

    @DynamicPropertySource
    static void jenkins(DynamicPropertyRegistry registry) {
        registry.add("clearflow.delivery.jenkins.base-url", JENKINS::baseUrl);
        registry.add("clearflow.delivery.jenkins.user", () -> "clearflow");
        registry.add("clearflow.delivery.jenkins.token", () -> "test-token");
        registry.add("clearflow.delivery.jenkins.notification-secret", () -> SECRET);
        registry.add("clearflow.delivery.jenkins.poll-interval", () -> "100ms");
    }

    @AfterAll
    static void stop() {
        JENKINS.stop();
    }

    @Autowired MockMvc mvc;
    @Autowired List<DeploymentExecutor> executors;
    @Autowired JenkinsExecutor jenkinsExecutor;

    private ResultActions notify(String body, String signature) throws Exception {
        var request = post(JenkinsNotificationController.PATH).contentType(MediaType.APPLICATION_JSON).content(body);
        if (signature != null) {
            request.header(JenkinsNotificationController.SIGNATURE, signature);
        }
        return mvc.perform(request);
    }

    private static String sign(String body) {
        return NotificationSignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bothExecutorsAreThereByKind() {
        assertThat(executors).extracting(DeploymentExecutor::kind).contains("embedded", "jenkins");
    }

    @Test
    void aSignedNotificationCompletesTheRunningBuildOnce() throws Exception {
        JENKINS.stubFor(get(urlPathEqualTo(JOB + "/23/api/json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"_class\":\"hudson.model.FreeStyleBuild\",\"building\":true,\"duration\":0,\"number\":23,"
                        + "\"queueId\":77,\"result\":null,\"timestamp\":1796594410000}")));
        JENKINS.stubFor(get(urlPathEqualTo(JOB + "/23/logText/progressiveText")).willReturn(aResponse().withStatus(200)
                .withHeader("X-Text-Size", "0").withHeader("X-More-Data", "true").withBody("")));
        JENKINS.stubFor(get(urlPathEqualTo(JOB + "/23/testReport/api/json")).willReturn(aResponse().withStatus(404)));
        RecordingListener listener = new RecordingListener(1);
        DeploymentOrder order = new DeploymentOrder(501, "ctrade", "production", "CHG-1", "ctrade.jar", "ab".repeat(32),
                null, URI.create("http://clearflow/a/1"), Map.of("job", "deploy/ctrade-production"), "2.3.0");
        jenkinsExecutor.resume(order, JENKINS.baseUrl() + JOB + "/23/", listener);

        String body = "{\"job\":\"deploy/ctrade-production\",\"build\":23,\"status\":\"FAILURE\",\"url\":\"job/deploy/job/ctrade-production/23/\"}";
        notify(body, "sha256=" + "0".repeat(64)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        notify(body, null).andExpect(status().isUnauthorized());
        notify(body, "sha256=not-hex").andExpect(status().isUnauthorized());
        assertThat(listener.outcomes).isEmpty();

        notify(body, sign(body)).andExpect(status().isAccepted()).andExpect(jsonPath("$.deploymentId").value(501));
        RecordingListener.Outcome outcome = listener.await(Duration.ofSeconds(10)).outcome(501);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.tail()).contains("finished: FAILURE");
        // recorded as Jenkins' notification (the timeline's "from where"), though it ends on the executor's thread
        assertThat(listener.finishedPromptedBy.get(501L)).isEqualTo(JenkinsExecutor.NOTIFICATION_SOURCE);

        // the same notification again: the build is no longer followed
        notify(body, sign(body)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("没有正在进行的部署对应此 Jenkins 构建"));
        assertThat(listener.outcomes.get(501L)).hasSize(1);
    }

    @Test
    void unknownBuildsAndMalformedBodiesChangeNothing() throws Exception {
        String unknown = "{\"job\":\"deploy/ctrade-production\",\"build\":999,\"status\":\"SUCCESS\"}";
        mvc.perform(post(JenkinsNotificationController.PATH).contentType(MediaType.APPLICATION_JSON).content(unknown)
                        .header(JenkinsNotificationController.SIGNATURE, sign(unknown))
                        .cookie(new jakarta.servlet.http.Cookie("CLEARFLOW_LANG", "en")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no running deployment has this Jenkins build"));
        for (String bad : new String[] {"not json", "[]", "{\"job\":\"x\",\"build\":\"abc\",\"status\":\"SUCCESS\"}",
                "{\"job\":\"x\",\"build\":-1,\"status\":\"SUCCESS\"}", "{\"build\":1,\"status\":\"SUCCESS\"}",
                "{\"job\":\"x'; DROP TABLE del_deployment;--\",\"build\":1}"}) {
            notify(bad, sign(bad)).andExpect(status().isBadRequest());
        }
        assertThat(jenkinsExecutor.active()).isZero();
    }
}
