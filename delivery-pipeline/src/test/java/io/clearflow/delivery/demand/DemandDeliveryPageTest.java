package io.clearflow.delivery.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.delivery.DeliveryTestApplication;
import io.clearflow.delivery.artifact.Artifacts;
import io.clearflow.delivery.deployment.Deployments;
import io.clearflow.demand.api.DemandIntake;
import io.clearflow.demand.api.NewDemand;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The business side's view: zhangsan's demand page shows the versions delivering it and where they run. */
@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemandDeliveryPageTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired Artifacts artifacts;
    @Autowired Deployments deployments;
    @Autowired DemandIntake demandIntake;
    @Autowired OrgDirectory directory;
    @Autowired UserDetailsService users;

    RequestPostProcessor as(String userId) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(userId));
    }

    String page(String userId, String path, Locale locale) throws Exception {
        String html = mvc.perform(get(path).param("lang", locale.equals(Locale.ENGLISH) ? "en" : "zh_CN").with(as(userId)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("??");
        return html;
    }

    @Test
    void zhangsanSeesTheVersionsOfHisDemandAndWhereTheyAreDeployed() throws Exception {
        long demand = demandIntake.raise(directory.requireMember("zhangsan"), new NewDemand("登记结果查询优化",
                "查询更快", "FEATURE", null, "NORMAL", false, null, null, null)).id();
        assertThat(page("zhangsan", "/demand/" + demand, Locale.SIMPLIFIED_CHINESE))
                .contains("id=\"demand-delivery\"").contains("尚无交付此需求的版本");

        String label = "8." + Math.abs(UUID.randomUUID().hashCode() % 100000);
        String location = mvc.perform(post("/delivery/versions").with(as("wujiu")).with(csrf())
                        .param("system", "registry").param("version", label).param("demandIds", String.valueOf(demand)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long version = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(page("zhangsan", "/demand/" + demand, Locale.SIMPLIFIED_CHINESE))
                .contains("登记存管系统").contains(label).contains("开发中").contains("尚未部署");

        mvc.perform(multipart("/delivery/versions/{id}/artifacts", version).file(new MockMultipartFile("file", "registry.jar",
                        "application/octet-stream", ("registry " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)))
                        .with(as("wujiu")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long artifact = jdbc.queryForObject("SELECT id FROM del_artifact WHERE version_id = ?", Long.class, version);
        String sha = jdbc.queryForObject("SELECT sha256 FROM del_artifact WHERE id = ?", String.class, artifact);
        artifacts.promote(artifact, "test", "zhengshi", "submission/1/entry");
        long deployment = deployments.deploy(directory.requireMember("wujiu"), artifact, "test", null);
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until && !jdbc.queryForObject("SELECT state FROM del_deployment WHERE id = ?",
                String.class, deployment).matches("succeeded|failed")) {
            Thread.sleep(20);
        }

        String zh = page("zhangsan", "/demand/" + demand, Locale.SIMPLIFIED_CHINESE);
        assertThat(zh).contains("交付进展").contains("登记存管系统").contains(label).contains("测试中")
                .contains("测试环境").contains("已部署").contains(sha.substring(0, 12))
                .doesNotContain(sha).doesNotContain("/delivery/versions/" + version);
        String en = page("zhangsan", "/demand/" + demand, Locale.ENGLISH);
        assertThat(en).contains("Delivery").contains("in test").contains("deployed").contains(sha.substring(0, 12));
    }
}
