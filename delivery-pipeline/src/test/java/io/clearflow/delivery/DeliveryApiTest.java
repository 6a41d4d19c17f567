package io.clearflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.artifact.Artifacts;
import io.clearflow.delivery.deployment.Deployments;
import io.clearflow.delivery.version.VersionRef;
import io.clearflow.delivery.version.Versions;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.testmetrics.api.DeliveryEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The delivery core over HTTP as the demo users (HTTP Basic): systems, versions with their timeline,
 * artifacts (immutability, hostile names, sizes, verified downloads), promotion through the contract the
 * flows use, deployments with the production rules, DORA, incidents and rollback.
 */
@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RecordApplicationEvents
public class DeliveryApiTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Autowired Artifacts artifacts;
    @Autowired Versions versions;
    @Autowired Deployments deployments;
    @Autowired DeliveryEvents dora;
    @Autowired OrgDirectory directory;
    @Autowired io.clearflow.demand.api.DemandIntake demandIntake;
    @Autowired RecordingExecutor executor;
    @Autowired ApplicationEvents events;
    @Autowired FinishedDeployments finishedEvents;
    @Value("${clearflow.data-dir}") Path dataDir;

    // ---- helpers

    ResultActions postJson(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    long createVersion(String system) throws Exception {
        String label = "1." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000) + ".0";
        String body = postJson("wujiu", "/api/delivery/versions", "{\"system\":\"" + system + "\",\"version\":\"" + label + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    ResultActions upload(String user, long versionId, String fileName, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/delivery/versions/{id}/artifacts", versionId)
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", bytes)).with(httpBasic(user, "demo")));
    }

    JsonNode uploaded(long versionId, String fileName, byte[] bytes) throws Exception {
        return json.readTree(upload("wujiu", versionId, fileName, bytes).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
    }

    static byte[] unique(String text) {
        return (text + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    long rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    JsonNode deployment(long id) throws Exception {
        return json.readTree(mvc.perform(get("/api/delivery/deployments/{id}", id).with(httpBasic("linops", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** Waits for the executor's thread to end the deployment. */
    JsonNode finished(long id) throws Exception {
        long until = System.currentTimeMillis() + 10_000;
        JsonNode d = deployment(id);
        while (!d.get("state").asText().matches("succeeded|failed") && System.currentTimeMillis() < until) {
            Thread.sleep(20);
            d = deployment(id);
        }
        return d;
    }

    void promoteTo(long artifactId, String... stages) {
        for (String stage : stages) {
            artifacts.promote(artifactId, stage, "zhengshi", "test/" + stage + "/gate");
        }
    }

    // ---- systems

    @Test
    void systemsAreSeededWithOwnerDepartmentsByNameAndFourEnvironments() throws Exception {
        mvc.perform(get("/api/delivery/systems").with(httpBasic("wujiu", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code=='ctrade')].critical").value(true))
                .andExpect(jsonPath("$[?(@.code=='clearing')].critical").value(true))
                .andExpect(jsonPath("$[?(@.code=='clearflow')].critical").value(false))
                .andExpect(jsonPath("$[?(@.code=='registry')].ownerDepartmentName").value("登记托管部"))
                .andExpect(jsonPath("$[?(@.code=='ctrade')].environments.length()").value(4))
                .andExpect(jsonPath("$[?(@.code=='ctrade')].environments[3].environment").value("production"))
                .andExpect(jsonPath("$[?(@.code=='ctrade')].environments[3].executor").value("embedded"));
    }

    @Test
    void businessStaffParticipantsAndAnonymousCannotReadDelivery() throws Exception {
        mvc.perform(get("/api/delivery/systems").with(httpBasic("zhangsan", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/delivery/versions").with(httpBasic("issuer01", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/delivery/versions")).andExpect(status().isUnauthorized());
    }

    // ---- versions

    @Test
    void aVersionIsCreatedAndShowsItsTimelineWithTheActorByName() throws Exception {
        long id = createVersion("clearflow");
        mvc.perform(get("/api/delivery/versions/{id}", id).with(httpBasic("zhouba", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.system").value("clearflow"))
                .andExpect(jsonPath("$.createdBy").value("吴九"))
                .andExpect(jsonPath("$.timeline[0].kind").value("version.created"))
                .andExpect(jsonPath("$.timeline[0].actorName").value("吴九"))
                .andExpect(jsonPath("$.timeline[0].link").value("/delivery/versions/" + id));
        mvc.perform(get("/api/delivery/versions").param("system", "clearflow").param("size", "500").with(httpBasic("wujiu", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(100))
                .andExpect(jsonPath("$.items[?(@.id==" + id + ")].createdBy").value("吴九"));
        // the delivery work is in the platform event log, one case per version
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_event_log WHERE process_key = 'delivery' AND case_id = ? "
                + "AND activity_id = 'version.created' AND resource = 'wujiu'", Long.class, "delivery-version-" + id)).isEqualTo(1);
        assertThat(events.stream(DeliveryActivity.class).filter(a -> a.versionId() == id && a.kind().equals("version.created")))
                .hasSize(1);
    }

    @Test
    void aVersionShowsItsDemandsThroughDemandPortalsApi() throws Exception {
        var demand = demandIntake.raise(directory.requireMember("zhangsan"), new io.clearflow.demand.api.NewDemand(
                "登记数据对账自动化", "每日自动对账", "FEATURE", null, "NORMAL", false, null, null, null));
        String body = postJson("wujiu", "/api/delivery/versions", "{\"system\":\"registry\",\"version\":\"3."
                + demand.id() + ".0\",\"demandIds\":[" + demand.id() + "]}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        mvc.perform(get("/api/delivery/versions/{id}", id).with(httpBasic("chenqc", "demo")))
                .andExpect(jsonPath("$.demands[0].id").value(demand.id()))
                .andExpect(jsonPath("$.demands[0].title").value("登记数据对账自动化"))
                .andExpect(jsonPath("$.demands[0].department").value("登记托管部"))
                .andExpect(jsonPath("$.demands[0].tasks").isArray());
        assertThat(versions.find(id).orElseThrow().demandIds()).containsExactly(demand.id());
    }

    @Test
    void badVersionInputIsRefusedAndChangesNothing() throws Exception {
        long before = rows("del_version");
        postJson("wujiu", "/api/delivery/versions", "{\"system\":\"nosuch\",\"version\":\"1.0\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors.system").exists());
        postJson("wujiu", "/api/delivery/versions", "{\"system\":\"ctrade\",\"version\":\"1.0'; DROP TABLE del_version; --\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.version").exists());
        postJson("wujiu", "/api/delivery/versions", "{\"system\":\"ctrade' OR '1'='1\",\"version\":\"1.0\"}")
                .andExpect(status().isUnprocessableEntity());
        postJson("wujiu", "/api/delivery/versions", "{\"system\":\"ctrade\",\"version\":\"1.0\",\"demandIds\":[\"x\"]}")
                .andExpect(status().isBadRequest());
        postJson("wujiu", "/api/delivery/versions", "{\"system\":\"ctrade\",\"version\":\"1.0\",\"demandIds\":[987654]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors.demandIds").exists());
        postJson("wujiu", "/api/delivery/versions", "{\"version\":\"1.0\"}").andExpect(status().isBadRequest());
        postJson("wujiu", "/api/delivery/versions", "not json").andExpect(status().isBadRequest());
        postJson("zhengshi", "/api/delivery/versions", "{\"system\":\"ctrade\",\"version\":\"9.9.9\"}")
                .andExpect(status().isForbidden());
        postJson("issuer01", "/api/delivery/versions", "{\"system\":\"ctrade\",\"version\":\"9.9.9\"}")
                .andExpect(status().isForbidden());
        assertThat(rows("del_version")).isEqualTo(before);
        mvc.perform(get("/api/delivery/versions/{id}", 987654).with(httpBasic("wujiu", "demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/delivery/versions/{id}", "abc").with(httpBasic("wujiu", "demo"))).andExpect(status().isBadRequest());
    }

    @Test
    void theSameSystemAndVersionTwiceIsAConflict() throws Exception {
        postJson("wujiu", "/api/delivery/versions", "{\"system\":\"registry\",\"version\":\"7.0.0\"}").andExpect(status().isCreated());
        postJson("wujiu", "/api/delivery/versions", "{\"system\":\"registry\",\"version\":\"7.0.0\"}").andExpect(status().isConflict());
    }

    // ---- artifacts

    @Test
    void anUploadIsStoredByDigestAndImmutableByName() throws Exception {
        long version = createVersion("ctrade");
        byte[] bytes = unique("ctrade build");
        JsonNode first = uploaded(version, "ctrade-server.jar", bytes);
        assertThat(first.get("sha256").asText()).isEqualTo(sha256(bytes));
        assertThat(first.get("size").asLong()).isEqualTo(bytes.length);
        String sha = sha256(bytes);
        assertThat(dataDir.resolve("artifacts/sha256").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha))
                .exists().hasBinaryContent(bytes);

        // same content again: the same artifact, 200
        upload("wujiu", version, "ctrade-server.jar", bytes).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(first.get("id").asLong()));
        // other content under the same name: refused, nothing changes
        long before = rows("del_artifact");
        upload("wujiu", version, "ctrade-server.jar", unique("tampered")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(sha)));
        assertThat(rows("del_artifact")).isEqualTo(before);
        // the download is the same bytes, named by its digest
        mvc.perform(get("/api/delivery/artifacts/{id}/content", first.get("id").asLong()).with(httpBasic("linops", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().bytes(bytes))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("ETag", "\"" + sha + "\""));
        // the uploader counts as the version's developer (they may not approve its changes)
        VersionRef ref = versions.find(version).orElseThrow();
        assertThat(ref.developers()).containsExactly("wujiu");
        assertThat(ref.critical()).isTrue();
    }

    @Test
    void hostileNamesEmptyAndOversizedFilesAndWrongRolesAreRefused() throws Exception {
        long version = createVersion("clearing");
        long before = rows("del_artifact");
        upload("wujiu", version, "../../etc/passwd", unique("x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").exists());
        mvc.perform(multipart("/api/delivery/versions/{id}/artifacts", version).file(new MockMultipartFile("file", "a.jar",
                        "application/octet-stream", unique("x"))).param("name", "..\\..\\boot.ini").with(httpBasic("wujiu", "demo")))
                .andExpect(status().isBadRequest());
        upload("wujiu", version, "<script>alert(1)</script>.jar", unique("x")).andExpect(status().isBadRequest());
        upload("wujiu", version, "a.jar'; DROP TABLE del_artifact; --", unique("x")).andExpect(status().isBadRequest());
        upload("wujiu", version, "empty.jar", new byte[0]).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").exists());
        upload("wujiu", version, "big.jar", new byte[256 * 1024 + 1]).andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.limitBytes").value(256 * 1024));
        upload("zhengshi", version, "a.jar", unique("x")).andExpect(status().isForbidden());
        upload("issuer01", version, "a.jar", unique("x")).andExpect(status().isForbidden());
        upload("zhangsan", version, "a.jar", unique("x")).andExpect(status().isForbidden());
        upload("wujiu", 987654, "a.jar", unique("x")).andExpect(status().isNotFound());
        assertThat(rows("del_artifact")).isEqualTo(before);
        mvc.perform(get("/api/delivery/artifacts/{id}", 987654).with(httpBasic("wujiu", "demo"))).andExpect(status().isNotFound());
    }

    @Test
    void aCorruptedStoreFileIsNeverServed() throws Exception {
        long version = createVersion("registry");
        byte[] bytes = unique("to be damaged");
        JsonNode stored = uploaded(version, "registry.war", bytes);
        String sha = stored.get("sha256").asText();
        Path file = dataDir.resolve("artifacts/sha256").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        byte[] damaged = bytes.clone();
        damaged[0] ^= 1;
        Files.write(file, damaged);
        mvc.perform(get("/api/delivery/artifacts/{id}/content", stored.get("id").asLong()).with(httpBasic("linops", "demo")))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.title").value("artifact corrupted"));
    }

    // ---- promotion

    @Test
    void promotionMovesOneStageForwardAndIsShownWithTheArtifact() throws Exception {
        long version = createVersion("clearflow");
        long id = uploaded(version, "clearflow.jar", unique("clearflow")).get("id").asLong();
        assertThat(artifacts.promote(id, "test", "zhengshi", "submission/1/entry").stage()).isEqualTo("test");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> artifacts.promote(id, "production", "chenqc", "x"))
                .isInstanceOf(io.clearflow.engine.api.ConflictException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> artifacts.promote(id, "test", "chenqc", "x"))
                .isInstanceOf(io.clearflow.engine.api.ConflictException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> artifacts.promote(id, "qa", "chenqc", "x"))
                .isInstanceOf(io.clearflow.engine.api.InvalidRequestException.class);
        mvc.perform(get("/api/delivery/artifacts/{id}", id).with(httpBasic("chenqc", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("test"))
                .andExpect(jsonPath("$.promotions.length()").value(1))
                .andExpect(jsonPath("$.promotions[0].fromStage").value("built"))
                .andExpect(jsonPath("$.promotions[0].promotedBy").value("zhengshi"))
                .andExpect(jsonPath("$.promotions[0].gateReference").value("submission/1/entry"));
        mvc.perform(get("/api/delivery/versions/{id}", version).with(httpBasic("chenqc", "demo")))
                .andExpect(jsonPath("$.artifacts[0].promotions[0].by").value("郑十"))
                .andExpect(jsonPath("$.timeline[?(@.kind=='artifact.promoted')].actorName").value("郑十"));
    }

    // ---- deployments

    @Test
    void productionRefusesAnArtifactNeverPromotedThroughTest() throws Exception {
        long version = createVersion("ctrade");
        long id = uploaded(version, "ctrade.jar", unique("untested")).get("id").asLong();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deployments.deploy(directory.requireMember("linops"), id,
                        "production", 1L))
                .isInstanceOf(io.clearflow.engine.api.ConflictException.class)
                .hasMessage("delivery.error.neverTested");
        promoteTo(id, "test");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deployments.deploy(directory.requireMember("linops"), id,
                        "production", 1L))
                .isInstanceOf(io.clearflow.engine.api.ConflictException.class)
                .hasMessage("delivery.error.notPromoted");
    }

    @Test
    void aProductionDeploymentRunsThroughTheEmbeddedRunnerAndFeedsDoraAndTheChangeFlow() throws Exception {
        long version = createVersion("clearing");
        byte[] bytes = unique("clearing release");
        long id = uploaded(version, "clearing.jar", bytes).get("id").asLong();
        promoteTo(id, "test", "staging", "production");
        long deploymentId = deployments.deploy(directory.requireMember("linops"), id, "production", 42L);
        JsonNode d = finished(deploymentId);
        assertThat(d.get("state").asText()).isEqualTo("succeeded");
        assertThat(d.get("environment").asText()).isEqualTo("production");
        assertThat(d.get("target").asText()).isEqualTo("clearing-production");
        assertThat(d.get("artifactSha256").asText()).isEqualTo(sha256(bytes));
        assertThat(d.get("changeId").asLong()).isEqualTo(42L);
        assertThat(d.get("reference").asText()).isNotBlank();
        assertThat(d.get("requestedByName").asText()).isEqualTo("林运维");
        assertThat(d.get("outputTail").asText()).contains("[clearflow] succeeded");
        // the runner copied the verified artifact where the seeded production environment says
        assertThat(dataDir.resolve("delivery/deployed/clearing/production/clearing-production/clearing.jar")).hasBinaryContent(bytes);
        assertThat(finishedEvents.events.stream().filter(f -> f.deploymentId() == deploymentId))
                .singleElement().satisfies(f -> {
                    assertThat(f.succeeded()).isTrue();
                    assertThat(f.changeId()).isEqualTo(42L);
                    assertThat(f.system()).isEqualTo("clearing");
                    assertThat(f.artifactSha256()).isEqualTo(sha256(bytes));
                });
        // every state change is in the platform event log, one case per version, in order, attributed
        assertThat(jdbc.queryForList("SELECT activity_id FROM cf_event_log WHERE process_key = 'delivery' AND case_id = ? "
                + "ORDER BY id", String.class, "delivery-version-" + version)).containsExactly("version.created",
                "artifact.uploaded", "artifact.promoted", "artifact.promoted", "artifact.promoted", "deployment.queued",
                "deployment.running", "deployment.succeeded");
        assertThat(jdbc.queryForObject("SELECT resource FROM cf_event_log WHERE case_id = ? AND activity_id = 'deployment.queued'",
                String.class, "delivery-version-" + version)).isEqualTo("linops");
        assertThat(jdbc.queryForObject("SELECT succeeded FROM tm_deployment WHERE system_code = 'clearing' AND deployment_key = ?",
                Boolean.class, String.valueOf(deploymentId))).isTrue();
        assertThat(dora.dora("clearing", Instant.now().plusSeconds(60), 1).toString()).contains("clearing");
        mvc.perform(get("/api/delivery/versions/{id}", version).with(httpBasic("wujiu", "demo")))
                .andExpect(jsonPath("$.deployments[0].state").value("succeeded"))
                .andExpect(jsonPath("$.timeline[?(@.kind=='deployment.queued')].actorName").value("林运维"))
                .andExpect(jsonPath("$.timeline[?(@.kind=='deployment.running')]").exists())
                .andExpect(jsonPath("$.timeline[?(@.kind=='deployment.succeeded')]").exists());
        mvc.perform(get("/api/delivery/board").with(httpBasic("zhouba", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.system=='clearing')].environments[3].current.sha256").value(sha256(bytes)));
    }

    @Test
    void theExecutorGetsTheDigestTheVerifiedFileTheDownloadUrlAndTheChange() throws Exception {
        long version = createVersion("recsys");
        byte[] bytes = unique("recorded");
        long id = uploaded(version, "rec.jar", bytes).get("id").asLong();
        promoteTo(id, "test", "staging", "production");
        long deploymentId = deployments.deploy(directory.requireMember("linops"), id, "production", 43L);
        assertThat(finished(deploymentId).get("state").asText()).isEqualTo("succeeded");
        var order = executor.started.stream().filter(o -> o.deploymentId() == deploymentId).findFirst().orElseThrow();
        assertThat(order.artifactUrl().toString()).isEqualTo("http://delivery.test/api/delivery/artifacts/" + id + "/content");
        assertThat(order.artifactSha256()).isEqualTo(sha256(bytes));
        assertThat(order.artifactFile()).hasBinaryContent(bytes);
        assertThat(order.settings()).containsEntry("job", "deploy/recsys").containsKey("target");
        assertThat(order.changeKey()).isEqualTo("43");
        assertThat(order.version()).isEqualTo(versions.find(version).orElseThrow().version());
        assertThat(order.system()).isEqualTo("recsys");
        assertThat(order.environment()).isEqualTo("production");
    }

    @Test
    void aFailedProductionDeploymentOpensAnIncidentThatTheRollbackRestores() throws Exception {
        long version = createVersion("registry");
        long good = uploaded(version, "registry-good.jar", unique("good")).get("id").asLong();
        long bad = uploaded(version, "broken-registry.jar", unique("bad")).get("id").asLong();
        promoteTo(good, "test", "staging", "production");
        promoteTo(bad, "test", "staging", "production");
        long first = deployments.deploy(directory.requireMember("linops"), good, "production", 7L);
        assertThat(finished(first).get("state").asText()).isEqualTo("succeeded");
        long failed = deployments.deploy(directory.requireMember("linops"), bad, "production", 8L);
        JsonNode f = finished(failed);
        assertThat(f.get("state").asText()).isEqualTo("failed");
        assertThat(f.get("outputTail").asText()).contains("health check failed");
        assertThat(f.get("problem").asText()).contains("failed");
        assertThat(f.get("rollbackArtifactId").asLong()).isEqualTo(good);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_incident WHERE deployment_id = ? AND restored_at IS NULL",
                Long.class, failed)).isEqualTo(1);

        postJson("wujiu", "/api/delivery/deployments/" + failed + "/rollback", "").andExpect(status().isForbidden());
        postJson("linops", "/api/delivery/deployments/" + first + "/rollback", "").andExpect(status().isConflict());
        String body = postJson("linops", "/api/delivery/deployments/" + failed + "/rollback", "")
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long rollback = json.readTree(body).get("deploymentId").asLong();
        JsonNode r = finished(rollback);
        assertThat(r.get("state").asText()).isEqualTo("succeeded");
        assertThat(r.get("rollbackOf").asLong()).isEqualTo(failed);
        assertThat(r.get("artifactId").asLong()).isEqualTo(good);
        assertThat(r.get("artifactSha256").asText()).isEqualTo(artifacts.find(good).orElseThrow().sha256())
                .isNotEqualTo(f.get("artifactSha256").asText());
        assertThat(jdbc.queryForObject("SELECT restored_by FROM del_incident WHERE deployment_id = ?", Long.class, failed))
                .isEqualTo(rollback);
        assertThat(jdbc.queryForObject("SELECT restored_at FROM tm_incident WHERE system_code = 'registry' AND caused_by = ?",
                java.sql.Timestamp.class, String.valueOf(failed))).isNotNull();
        assertThat(jdbc.queryForObject("SELECT rework FROM tm_deployment WHERE system_code = 'registry' AND deployment_key = ?",
                Boolean.class, String.valueOf(rollback))).isTrue();
    }

    @Test
    void anExecutorAnsweringAtOnceOrMissingAndSeveralClustersAreHandled() throws Exception {
        long version = createVersion("recsys");
        long id = uploaded(version, "rec-at-once.jar", unique("at once")).get("id").asLong();
        // the instant executor reports inside start(), in the deploying transaction's afterCommit: still stored
        String body = postJson("wujiu", "/api/delivery/artifacts/" + id + "/deploy", "{\"environment\":\"dev\"}")
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        JsonNode d = deployment(json.readTree(body).get("deploymentId").asLong());
        assertThat(d.get("state").asText()).isEqualTo("succeeded");
        assertThat(d.get("reference").asText()).isEqualTo("instant");

        promoteTo(id, "test");
        // two clusters in test: the bare name is ambiguous, the qualified one is not
        postJson("wujiu", "/api/delivery/artifacts/" + id + "/deploy", "{\"environment\":\"test\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors.environment").exists());
        body = postJson("wujiu", "/api/delivery/artifacts/" + id + "/deploy", "{\"environment\":\"test/recsys-test-sz\"}")
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        d = finished(json.readTree(body).get("deploymentId").asLong());
        assertThat(d.get("target").asText()).isEqualTo("recsys-test-sz");
        assertThat(d.get("state").asText()).isEqualTo("succeeded");

        // an environment whose executor kind nobody provides fails the deployment with the reason
        promoteTo(id, "staging");
        body = postJson("linops", "/api/delivery/artifacts/" + id + "/deploy", "{\"environment\":\"staging\"}")
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        d = finished(json.readTree(body).get("deploymentId").asLong());
        assertThat(d.get("state").asText()).isEqualTo("failed");
        assertThat(d.get("problem").asText()).contains("nosuch");
    }

    @Test
    void directDeploysFollowStageAndRole() throws Exception {
        long version = createVersion("clearflow");
        long id = uploaded(version, "cf-direct.jar", unique("direct")).get("id").asLong();
        postJson("wujiu", "/api/delivery/artifacts/" + id + "/deploy", "{\"environment\":\"test\"}")
                .andExpect(status().isConflict());
        promoteTo(id, "test");
        String body = postJson("wujiu", "/api/delivery/artifacts/" + id + "/deploy", "{\"environment\":\"test\"}")
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        assertThat(finished(json.readTree(body).get("deploymentId").asLong()).get("state").asText()).isEqualTo("succeeded");
        promoteTo(id, "staging");
        postJson("wujiu", "/api/delivery/artifacts/" + id + "/deploy", "{\"environment\":\"staging\"}")
                .andExpect(status().isForbidden());
        postJson("linops", "/api/delivery/artifacts/" + id + "/deploy", "{\"environment\":\"staging\"}")
                .andExpect(status().isAccepted());
        promoteTo(id, "production");
        postJson("linops", "/api/delivery/artifacts/" + id + "/deploy", "{\"environment\":\"production\"}")
                .andExpect(status().isConflict());
        postJson("linops", "/api/delivery/artifacts/" + id + "/deploy", "{\"environment\":\"moon\"}")
                .andExpect(status().isUnprocessableEntity());
        postJson("linops", "/api/delivery/artifacts/" + id + "/deploy", "{\"environment\":\"\"}")
                .andExpect(status().isBadRequest());
        postJson("zhengshi", "/api/delivery/artifacts/" + id + "/deploy", "{\"environment\":\"test\"}")
                .andExpect(status().isForbidden());
        postJson("linops", "/api/delivery/artifacts/987654/deploy", "{\"environment\":\"test\"}")
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/delivery/deployments/{id}", 987654).with(httpBasic("linops", "demo"))).andExpect(status().isNotFound());
    }
}
