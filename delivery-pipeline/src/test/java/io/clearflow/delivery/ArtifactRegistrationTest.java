package io.clearflow.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Registering a Jenkins-built artifact: fetched from a WireMock "Jenkins" serving the archived file, kept
 * only when the digest matches; a wrong digest, a 404 and an unreachable host store nothing.
 */
@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public class ArtifactRegistrationTest {

    static WireMockServer jenkins;

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Value("${clearflow.data-dir}") Path dataDir;

    @BeforeAll
    static void start() {
        jenkins = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        jenkins.start();
    }

    @AfterAll
    static void stop() {
        jenkins.stop();
    }

    long version() throws Exception {
        String body = mvc.perform(post("/api/delivery/versions").with(httpBasic("wujiu", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"system\":\"ctrade\",\"version\":\"5." + Math.abs(UUID.randomUUID().hashCode() % 100000) + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    ResultActions register(String user, long version, String name, String url, String sha) throws Exception {
        return mvc.perform(post("/api/delivery/versions/{id}/artifacts/register", version).with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(java.util.Map.of("name", name, "url", url, "sha256", sha))));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM del_artifact", Long.class);
    }

    @Test
    void aJenkinsArtifactWithTheAnnouncedDigestIsFetchedAndStored() throws Exception {
        byte[] bytes = ("jenkins build " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        jenkins.stubFor(get(urlEqualTo("/job/ctrade/42/artifact/ctrade.jar")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/java-archive").withBody(bytes)));
        long version = version();
        String sha = sha256(bytes);
        register("wujiu", version, "ctrade.jar", jenkins.baseUrl() + "/job/ctrade/42/artifact/ctrade.jar", sha.toUpperCase())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sha256").value(sha))
                .andExpect(jsonPath("$.size").value(bytes.length));
        assertThat(dataDir.resolve("artifacts/sha256").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha))
                .hasBinaryContent(bytes);
        assertThat(jdbc.queryForObject("SELECT source_url FROM del_artifact WHERE version_id = ?", String.class, version))
                .endsWith("/job/ctrade/42/artifact/ctrade.jar");
    }

    @Test
    void aWrongDigestAnUnknownFileOrADeadHostStoresNothing() throws Exception {
        byte[] bytes = ("other build " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        jenkins.stubFor(get(urlEqualTo("/job/ctrade/43/artifact/x.jar")).willReturn(aResponse().withStatus(200).withBody(bytes)));
        jenkins.stubFor(get(urlEqualTo("/job/ctrade/44/artifact/x.jar")).willReturn(aResponse().withStatus(404)));
        long version = version();
        long before = rows();
        String wrong = "a".repeat(64);
        register("wujiu", version, "x.jar", jenkins.baseUrl() + "/job/ctrade/43/artifact/x.jar", wrong)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors.sha256").exists());
        String actual = sha256(bytes);
        assertThat(dataDir.resolve("artifacts/sha256").resolve(actual.substring(0, 2)).resolve(actual.substring(2, 4))
                .resolve(actual)).doesNotExist();
        register("wujiu", version, "x.jar", jenkins.baseUrl() + "/job/ctrade/44/artifact/x.jar", wrong)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors.url").exists());
        register("wujiu", version, "x.jar", "http://127.0.0.1:1/nothing", wrong)
                .andExpect(status().isUnprocessableEntity());
        register("wujiu", version, "x.jar", "file:///etc/passwd", wrong).andExpect(status().isBadRequest());
        register("wujiu", version, "x.jar", jenkins.baseUrl() + "/job/ctrade/43/artifact/x.jar", "not-a-digest")
                .andExpect(status().isBadRequest());
        register("wujiu", version, "../x.jar", jenkins.baseUrl() + "/job/ctrade/43/artifact/x.jar", actual)
                .andExpect(status().isBadRequest());
        register("zhengshi", version, "x.jar", jenkins.baseUrl() + "/job/ctrade/43/artifact/x.jar", actual)
                .andExpect(status().isForbidden());
        register("wujiu", 987654, "x.jar", jenkins.baseUrl() + "/job/ctrade/43/artifact/x.jar", actual)
                .andExpect(status().isNotFound());
        assertThat(rows()).isEqualTo(before);
        // nothing half-written is left in the store's temporary folder either
        try (var parts = Files.list(dataDir.resolve("artifacts/tmp"))) {
            assertThat(parts.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
    }
}
