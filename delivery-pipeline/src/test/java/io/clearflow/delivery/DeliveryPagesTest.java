package io.clearflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.delivery.artifact.Artifacts;
import io.clearflow.delivery.deployment.Deployments;
import io.clearflow.engine.identity.OrgDirectory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The delivery pages as the demo users: versions list and form, the version page with its timeline and
 * upload, the board with what runs where and its one-click deploy, a deployment with its rollback offer;
 * every label resolved in both languages, and closed to business staff and participants.
 */
@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public class DeliveryPagesTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired Artifacts artifacts;
    @Autowired Deployments deployments;
    @Autowired OrgDirectory directory;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    RequestPostProcessor as(String userId) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(userId));
    }

    String page(String userId, String path, Locale locale) throws Exception {
        // the platform picks the language from ?lang= (kept in the session), as the shell's links do
        String html = mvc.perform(get(path).param("lang", locale.equals(Locale.ENGLISH) ? "en" : "zh_CN").with(as(userId)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("??");
        return html;
    }

    long state(long deploymentId) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until && !jdbc.queryForObject("SELECT state FROM del_deployment WHERE id = ?",
                String.class, deploymentId).matches("succeeded|failed")) {
            Thread.sleep(20);
        }
        return deploymentId;
    }

    @Test
    void aDeveloperCreatesAVersionUploadsAndOpsSeesItOnTheBoard() throws Exception {
        String label = "6." + Math.abs(UUID.randomUUID().hashCode() % 100000);
        String location = mvc.perform(post("/delivery/versions").with(as("wujiu")).with(csrf())
                        .param("system", "clearflow").param("version", label).param("plannedDate", "2027-01-15"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/delivery/versions/");
        long version = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        mvc.perform(multipart("/delivery/versions/{id}/artifacts", version).file(new MockMultipartFile("file", "cf-page.jar",
                        "application/octet-stream", ("page " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)))
                        .with(as("wujiu")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long artifact = jdbc.queryForObject("SELECT id FROM del_artifact WHERE version_id = ?", Long.class, version);
        String sha = jdbc.queryForObject("SELECT sha256 FROM del_artifact WHERE id = ?", String.class, artifact);

        String detail = page("wujiu", location, Locale.SIMPLIFIED_CHINESE);
        assertThat(detail).contains(label).contains("cf-page.jar").contains(sha).contains("吴九").contains("创建版本")
                .contains("上传制品").contains("id=\"tm-upload\"").contains("test-metrics-upload.js");
        assertThat(page("wujiu", location, Locale.ENGLISH)).contains("version created").contains("artifact uploaded");
        assertThat(page("wujiu", "/delivery/versions?system=clearflow", Locale.SIMPLIFIED_CHINESE)).contains(label);
        assertThat(page("chenqc", "/delivery/artifacts/" + artifact, Locale.ENGLISH)).contains(sha);

        // promoted to test by its gate, a developer deploys it to test with one click on the board
        artifacts.promote(artifact, "test", "zhengshi", "submission/9/entry");
        String board = page("wujiu", "/delivery/board", Locale.SIMPLIFIED_CHINESE);
        assertThat(board).contains("deploy-form").contains("集中交易系统").contains("信息技术部");
        mvc.perform(post("/delivery/board/deploy").with(as("wujiu")).with(csrf())
                        .param("artifactId", String.valueOf(artifact)).param("environment", "test/clearflow-test"))
                .andExpect(status().is3xxRedirection());
        long deployment = state(jdbc.queryForObject("SELECT MAX(id) FROM del_deployment WHERE artifact_id = ?", Long.class, artifact));
        String afterwards = page("linops", "/delivery/board", Locale.ENGLISH);
        assertThat(afterwards).contains(label).contains(sha.substring(0, 12)).contains("state-succeeded");
        assertThat(page("linops", "/delivery/deployments/" + deployment, Locale.SIMPLIFIED_CHINESE)).contains("成功").contains(sha);
        // staging is for ops: the developer's attempt is refused and nothing is queued
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM del_deployment", Long.class);
        artifacts.promote(artifact, "staging", "zhengshi", "submission/9/exit");
        mvc.perform(post("/delivery/board/deploy").with(as("wujiu")).with(csrf())
                        .param("artifactId", String.valueOf(artifact)).param("environment", "staging"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashError", "delivery.error.deployNotAllowed"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_deployment", Long.class)).isEqualTo(before);
    }

    @Test
    void aFailedProductionDeploymentOffersRollbackToOps() throws Exception {
        String label = "7." + Math.abs(UUID.randomUUID().hashCode() % 100000);
        String location = mvc.perform(post("/delivery/versions").with(as("wujiu")).with(csrf())
                        .param("system", "ctrade").param("version", label))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long version = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        for (String name : new String[] {"ctrade-ok.jar", "broken-ctrade.jar"}) {
            mvc.perform(multipart("/delivery/versions/{id}/artifacts", version).file(new MockMultipartFile("file", name,
                    "application/octet-stream", (name + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)))
                    .with(as("wujiu")).with(csrf())).andExpect(status().is3xxRedirection());
        }
        long ok = jdbc.queryForObject("SELECT id FROM del_artifact WHERE version_id = ? AND name = 'ctrade-ok.jar'", Long.class, version);
        long bad = jdbc.queryForObject("SELECT id FROM del_artifact WHERE version_id = ? AND name = 'broken-ctrade.jar'", Long.class, version);
        for (long id : new long[] {ok, bad}) {
            for (String stage : new String[] {"test", "staging", "production"}) {
                artifacts.promote(id, stage, "chenqc", "change/1/approved");
            }
        }
        var linops = directory.requireMember("linops");
        state(deployments.deploy(linops, ok, "production", 1L));
        long failed = state(deployments.deploy(linops, bad, "production", 2L));
        String page = page("linops", "/delivery/deployments/" + failed, Locale.SIMPLIFIED_CHINESE);
        assertThat(page).contains("rollback-submit").contains("失败").contains("health check failed");
        assertThat(page("wujiu", "/delivery/deployments/" + failed, Locale.ENGLISH)).doesNotContain("rollback-submit");
        String next = mvc.perform(post("/delivery/deployments/{id}/rollback", failed).with(as("linops")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long rollback = state(Long.parseLong(next.substring(next.lastIndexOf('/') + 1)));
        assertThat(jdbc.queryForObject("SELECT artifact_id FROM del_deployment WHERE id = ?", Long.class, rollback)).isEqualTo(ok);
        mvc.perform(post("/delivery/deployments/{id}/rollback", failed).with(as("wujiu")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void businessStaffAndParticipantsCannotReachDeliveryPages() throws Exception {
        for (String path : new String[] {"/delivery/versions", "/delivery/board"}) {
            mvc.perform(get(path).with(as("zhangsan"))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(as("issuer01"))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/delivery/versions").with(as("zhangsan")).with(csrf()).param("system", "ctrade").param("version", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/delivery/versions").with(as("wujiu")).param("system", "ctrade").param("version", "1"))
                .andExpect(status().isForbidden()); // no CSRF token
    }

    @Test
    void badFormInputComesBackAsAMessageAndChangesNothing() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM del_version", Long.class);
        mvc.perform(post("/delivery/versions").with(as("wujiu")).with(csrf()).param("system", "ctrade")
                        .param("version", "<script>x</script>"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("flashErrors"));
        mvc.perform(post("/delivery/versions").with(as("wujiu")).with(csrf()).param("system", "ctrade")
                        .param("version", "1.0").param("demandIds", "1; DROP TABLE"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("flashErrors"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_version", Long.class)).isEqualTo(before);
        mvc.perform(get("/delivery/versions/987654").with(as("wujiu"))).andExpect(status().isNotFound());
    }
}
