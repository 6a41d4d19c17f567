package io.clearflow.delivery.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.delivery.DeliveryTestApplication;
import io.clearflow.delivery.artifact.Artifacts;
import io.clearflow.delivery.deployment.Deployments;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.security.ApiTokenService;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Every timeline entry says where it came from: page, API, bot token, Jenkins notification or the system. */
@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TimelineOriginTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired Artifacts artifacts;
    @Autowired Deployments deployments;
    @Autowired OrgDirectory directory;
    @Autowired ApiTokenService tokens;
    @Autowired UserDetailsService users;

    String origin(long version, String kind, String detailLike) {
        return jdbc.queryForObject("SELECT origin FROM del_timeline WHERE version_id = ? AND kind = ? AND detail LIKE ?",
                String.class, version, kind, "%" + detailLike + "%");
    }

    @Test
    void pagesApiBotsAndTheRunnerAreToldApart() throws Exception {
        String label = "9." + Math.abs(UUID.randomUUID().hashCode() % 100000);
        String location = mvc.perform(post("/delivery/versions").with(csrf())
                        .with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("wujiu")))
                        .param("system", "clearflow").param("version", label))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long version = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(multipart("/api/delivery/versions/{id}/artifacts", version).file(new MockMultipartFile("file", "by-api.jar",
                        "application/octet-stream", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic("wujiu", "demo")))
                .andExpect(status().isCreated());
        String bearer = "Bearer " + tokens.issue("rpa-bot", "timeline-origin-test").token();
        mvc.perform(multipart("/api/delivery/versions/{id}/artifacts", version).file(new MockMultipartFile("file", "by-bot.jar",
                        "application/octet-stream", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", bearer))
                .andExpect(status().isCreated());
        long artifact = jdbc.queryForObject("SELECT id FROM del_artifact WHERE version_id = ? AND name = 'by-api.jar'",
                Long.class, version);
        artifacts.promote(artifact, "test", "zhengshi", "submission/1/entry");
        long deployment = deployments.deploy(directory.requireMember("wujiu"), artifact, "test", null);
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until && !jdbc.queryForObject("SELECT state FROM del_deployment WHERE id = ?",
                String.class, deployment).matches("succeeded|failed")) {
            Thread.sleep(20);
        }

        assertThat(origin(version, "version.created", label)).isEqualTo("PAGE");
        assertThat(origin(version, "artifact.uploaded", "by-api.jar")).isEqualTo("API");
        assertThat(origin(version, "artifact.uploaded", "by-bot.jar")).isEqualTo("BOT");
        assertThat(jdbc.queryForList("SELECT origin FROM del_timeline WHERE version_id = ? AND kind = 'deployment.succeeded'",
                String.class, version)).containsExactly("SYSTEM");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_event_log WHERE case_id = ? AND attributes LIKE ?",
                Long.class, TimelineRecorder.caseId(version), "%BOT%")).isGreaterThanOrEqualTo(1);

        String zh = mvc.perform(get(location).param("lang", "zh_CN")
                        .with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("chenqc"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).contains("来源").contains("data-origin=\"PAGE\"").contains(">页面<").contains(">接口<")
                .contains(">机器人（令牌）<").contains(">系统（执行器/定时任务）<").doesNotContain("??");
        String en = mvc.perform(get(location).param("lang", "en")
                        .with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("chenqc"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains(">bot (token)<").contains(">system (runner, scheduler)<");
    }

    @Test
    void jenkinsNotificationsAndPlainPagesAreRecognisedByPath() {
        assertThat(ActionOrigin.of(new MockHttpServletRequest("POST", "/api/delivery/jenkins/notifications")))
                .isEqualTo(ActionOrigin.JENKINS);
        assertThat(ActionOrigin.of(new MockHttpServletRequest("POST", "/delivery/versions"))).isEqualTo(ActionOrigin.PAGE);
        // Spring's test listener binds a mock request to the test thread; a runner or scheduler thread has none
        org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        assertThat(ActionOrigin.current()).isEqualTo(ActionOrigin.SYSTEM);
        io.clearflow.delivery.execution.NotifiedExecution.run("jenkins",
                () -> assertThat(ActionOrigin.current()).isEqualTo(ActionOrigin.JENKINS));
        assertThat(ActionOrigin.current()).isEqualTo(ActionOrigin.SYSTEM);
        assertThat(ActionOrigin.parse(null)).isNull();
        assertThat(ActionOrigin.parse("nonsense")).isNull();
    }
}
