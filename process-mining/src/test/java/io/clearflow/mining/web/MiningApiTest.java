package io.clearflow.mining.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import io.clearflow.engine.work.WorkService;
import io.clearflow.mining.MiningTestApplication;
import io.clearflow.mining.SharedData;
import io.clearflow.mining.store.LogStore;
import io.clearflow.mining.store.MiningProperties;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(classes = MiningTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MiningApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired MiningProperties properties;
    @Autowired ApprovalService approvals;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Value("${clearflow.data-dir}") Path dataDir;

    private String upload(String name, byte[] content, String... parameters) throws Exception {
        var request = multipart("/api/mining/logs").file(new MockMultipartFile("file", name, "application/octet-stream", content));
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        String body = mvc.perform(request.with(httpBasic("sunqi", "demo")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asText();
    }

    private JsonNode getJson(String path, String... parameters) throws Exception {
        var request = get(path).with(httpBasic("sunqi", "demo"));
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theHeuristicsNetAgreesWithTheDfgCountsAndThePerformanceDfgHasMeanMedianMax() throws Exception {
        String id = upload("running-example.xes", Files.readAllBytes(SharedData.eventLog("running-example.xes")));
        JsonNode dfg = getJson("/api/mining/logs/" + id + "/dfg");
        java.util.Map<String, Long> follows = new java.util.HashMap<>();
        for (JsonNode e : dfg.get("edges")) {
            follows.put(e.get("source").asText() + ">" + e.get("target").asText(), e.get("frequency").asLong());
            assertThat(e.get("maxDurationMs").asDouble()).isGreaterThanOrEqualTo(e.get("medianDurationMs").asDouble());
            assertThat(e.get("medianDurationMs").asDouble()).isGreaterThanOrEqualTo(0);
        }

        JsonNode net = getJson("/api/mining/logs/" + id + "/heuristics", "dependency", "0.6");
        assertThat(net.get("edges").size()).isPositive();
        assertThat(net.get("parameters").get("dependencyThreshold").asDouble()).isEqualTo(0.6);
        for (JsonNode e : net.get("edges")) {
            String a = e.get("source").asText();
            String b = e.get("target").asText();
            long ab = follows.getOrDefault(a + ">" + b, 0L);
            assertThat(e.get("frequency").asLong()).isEqualTo(ab);
            if (e.get("loop") == null || e.get("loop").isNull()) {
                long ba = follows.getOrDefault(b + ">" + a, 0L);
                double expected = (ab - ba) / (ab + ba + 1.0);
                assertThat(e.get("dependency").asDouble()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9))
                        .isGreaterThanOrEqualTo(0.6);
            }
        }
        for (String bad : new String[] {"2", "abc", "NaN"}) {
            mvc.perform(get("/api/mining/logs/" + id + "/heuristics").param("dependency", bad).with(httpBasic("sunqi", "demo")))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(get("/api/mining/logs/" + id + "/heuristics").with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isForbidden());

        // organisational mining: every hand-over is between two different people of the log, working together symmetric
        JsonNode organisation = getJson("/api/mining/logs/" + id + "/organisation");
        assertThat(organisation.get("handovers").size()).isPositive();
        for (JsonNode h : organisation.get("handovers")) {
            assertThat(h.get("source").asText()).isNotEqualTo(h.get("target").asText());
            assertThat(h.get("count").asLong()).isGreaterThanOrEqualTo(h.get("cases").asLong());
        }
        for (JsonNode t : organisation.get("workingTogether")) {
            assertThat(t.get("first").asText()).isLessThan(t.get("second").asText());
        }
        long activityEvents = 0;
        for (JsonNode a : organisation.get("activities")) {
            activityEvents += a.get("events").asLong();
        }
        long dfgEvents = 0;
        for (JsonNode a : dfg.get("activities")) {
            dfgEvents += a.get("frequency").asLong();
        }
        assertThat(activityEvents).isEqualTo(dfgEvents);
    }

    @Test
    void anOcelLogOffersItsObjectTypesAndIsFlattenedOnTheChosenOne() throws Exception {
        byte[] ocel = io.clearflow.mining.ocel.OcelReaderTest.JSON.getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/mining/logs/object-types").file(new MockMultipartFile("file", "orders.jsonocel",
                        "application/json", ocel)).with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("item")).andExpect(jsonPath("$[0].objects").value(3))
                .andExpect(jsonPath("$[0].events").value(6)).andExpect(jsonPath("$[1].name").value("order"));

        String id = upload("orders.jsonocel", ocel, "objectType", "item");
        assertThat(getJson("/api/mining/logs/" + id + "/summary").get("cases").asInt()).isEqualTo(3);
        assertThat(getJson("/api/mining/logs/" + id + "/summary").get("events").asInt()).isEqualTo(8);
        // the choice is kept with the upload, so a re-import after eviction flattens the same way
        assertThat(Files.readString(dataDir.resolve("mining").resolve(id + ".json"))).contains("\"objectType\":\"item\"");

        long before = Stream.of(dataDir.resolve("mining").toFile().list()).count();
        mvc.perform(multipart("/api/mining/logs").file(new MockMultipartFile("file", "orders.jsonocel", "application/json", ocel))
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("choose the object type")));
        mvc.perform(multipart("/api/mining/logs").file(new MockMultipartFile("file", "orders.jsonocel", "application/json", ocel))
                        .param("objectType", "<script>x</script>").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("no object type")));
        mvc.perform(multipart("/api/mining/logs/object-types").file(new MockMultipartFile("file", "x.jsonocel",
                        "application/json", "{\"events\":".getBytes(StandardCharsets.UTF_8))).with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/mining/logs/object-types").file(new MockMultipartFile("file", "orders.jsonocel",
                        "application/json", ocel)).with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isForbidden());
        assertThat(Stream.of(dataDir.resolve("mining").toFile().list()).count()).isEqualTo(before);
    }

    @Test
    void anUploadedLogAnswersEveryAnalysisInTheDocumentedShape() throws Exception {
        byte[] xes = Files.readAllBytes(SharedData.eventLog("running-example.xes"));
        String body = mvc.perform(multipart("/api/mining/logs")
                        .file(new MockMultipartFile("file", "running-example.xes", "application/xml", xes))
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.cases").value(6))
                .andExpect(jsonPath("$.events").value(42))
                .andExpect(jsonPath("$.activities").value(8))
                .andExpect(jsonPath("$.firstTimestamp").value("2010-12-30T10:02:00Z"))
                .andExpect(jsonPath("$.skippedEvents").value(0))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asText();
        String logs = "/api/mining/logs/" + id;

        JsonNode dfg = getJson(logs + "/dfg");
        assertThat(dfg.get("activities").get(0).fieldNames()).toIterable().containsExactly("name", "frequency");
        assertThat(dfg.get("edges").get(0).fieldNames()).toIterable()
                .containsExactly("source", "target", "frequency", "meanDurationMs", "medianDurationMs", "maxDurationMs");
        assertThat(dfg.get("startActivities").get("register request").asLong()).isEqualTo(6);
        assertThat(dfg.get("endActivities").get("reject request").asLong()).isEqualTo(3);

        JsonNode variants = getJson(logs + "/variants");
        assertThat(variants).hasSize(6);
        assertThat(variants.get(0).get("activities").get(0).asText()).isEqualTo("register request");
        assertThat(variants.get(0).get("cases").asLong()).isEqualTo(1);

        assertThat(getJson(logs + "/summary").get("cases").asLong()).isEqualTo(6);
        assertThat(getJson(logs + "/summary", "activity", "reject request").get("cases").asLong()).isEqualTo(3);
        JsonNode metrics = getJson(logs + "/metrics");
        assertThat(metrics.get("process").get("cases").asLong()).isEqualTo(6);
        assertThat(metrics.get("process").get("months").get(0).get("month").asText()).isEqualTo("2010-12");
        assertThat(metrics.get("tasks")).isNotEmpty();
        assertThat(metrics.get("resources")).isNotEmpty();
        JsonNode bottlenecks = getJson(logs + "/bottlenecks", "sla", "P10D");
        assertThat(bottlenecks.get("sla").get("slaMs").asLong()).isEqualTo(864_000_000L);
        assertThat(bottlenecks.get("rework")).isNotEmpty(); // "examine casually" and "decide" repeat in loops

        var streaming = mvc.perform(get(logs + "/export.xes").with(httpBasic("admin", "demo")))
                .andExpect(request().asyncStarted()).andReturn();
        String exported = mvc.perform(asyncDispatch(streaming)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(exported.split("<trace>", -1)).hasSize(7);
    }

    @Test
    void aCsvUploadUsesTheMappingAndAWrongMappingIsAProblem() throws Exception {
        byte[] csv = "Ticket,Step,When\nT1,open,2024-03-01T08:00:00+08:00\nT1,close,2024-03-01T09:00:00+08:00\n"
                .getBytes(StandardCharsets.UTF_8);

        String id = upload("tickets.csv", csv, "caseColumn", "Ticket", "activityColumn", "Step", "timestampColumn", "When");
        JsonNode dfg = getJson("/api/mining/logs/" + id + "/dfg");
        assertThat(dfg.get("edges").get(0).get("meanDurationMs").asDouble()).isEqualTo(3_600_000.0);

        mvc.perform(multipart("/api/mining/logs").file(new MockMultipartFile("file", "tickets.csv", "text/csv", csv))
                        .param("caseColumn", "Case").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", containsString("no column 'Case' for the case")));
    }

    @Test
    void businessStaffMayNotMineAndUnknownLogsAreNotFound() throws Exception {
        mvc.perform(get("/api/mining/logs/platform/dfg").with(httpBasic("zhangsan", "demo"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/mining/logs").file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[] {'a'}))
                .with(httpBasic("zhangsan", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/mining/logs/platform/dfg")).andExpect(status().isUnauthorized());

        mvc.perform(get("/api/mining/logs/00000000-0000-0000-0000-000000000000/summary").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("not found")));
        mvc.perform(get("/api/mining/logs/..%2F..%2Fetc/summary").with(httpBasic("sunqi", "demo")))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void anOverLimitUploadIsRefusedWithoutStoringAnythingAndBadXesIsAProblem() throws Exception {
        long before = storedFiles();
        byte[] big = new byte[(int) properties.maxUploadSize().toBytes() + 1];

        mvc.perform(multipart("/api/mining/logs").file(new MockMultipartFile("file", "big.xes", "application/xml", big))
                        .with(httpBasic("sunqi", "demo")))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail", containsString("clearflow.mining.max-upload-size")));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE log [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><log>&x;</log>";
        mvc.perform(multipart("/api/mining/logs").file(new MockMultipartFile("file", "evil.xes", "application/xml",
                        xxe.getBytes(StandardCharsets.UTF_8))).with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("DTD")));

        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void uploadedLogsSurviveARestart() throws Exception {
        String id = upload("helpdesk.xes.gz", Files.readAllBytes(SharedData.eventLog("helpdesk.xes.gz")));

        LogStore afterRestart = new LogStore(dataDir, properties, json);

        assertThat(afterRestart.get(id).log().eventCount()).isEqualTo(21_348);
        assertThat(afterRestart.get(id).log().caseCount()).isEqualTo(4_580);
    }

    @Test
    void thePlatformLogHasTheReferenceProcessRun() throws Exception {
        var zhangsan = directory.requireMember("zhangsan");
        var lisi = directory.requireMember("lisi");
        var hegui = directory.requireMember("hegui");
        var request = approvals.submit(zhangsan, "mining", new BigDecimal("100.00"), "r");
        var review = work.inbox(lisi, 0, 200).stream().filter(t -> request.caseId().equals(t.caseId())).findFirst().orElseThrow();
        work.claim(lisi, review.id());
        approvals.decide(lisi, review.id(), true, "ok");
        var compliance = work.inbox(hegui, 0, 200).stream().filter(t -> request.caseId().equals(t.caseId())).findFirst().orElseThrow();
        approvals.decide(hegui, compliance.id(), true, null);

        JsonNode dfg = getJson("/api/mining/logs/platform/dfg", "processKey", "referenceApproval");
        assertThat(dfg.get("startActivities").get("提交申请").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(dfg.get("endActivities").get("审批通过").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(dfg.findValuesAsText("source")).contains("提交申请", "部门审核");

        JsonNode metrics = getJson("/api/mining/logs/platform/metrics", "processKey", "referenceApproval");
        JsonNode reviewTask = Stream.of(json.treeToValue(metrics.get("tasks"), JsonNode[].class))
                .filter(t -> t.get("activity").asText().equals("部门审核")).findFirst().orElseThrow();
        assertThat(reviewTask.get("waiting").get("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(reviewTask.get("handling").get("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(metrics.get("process").get("meanDepartments").asDouble()).isGreaterThanOrEqualTo(2.0);

        JsonNode summary = getJson("/api/mining/logs/platform/summary", "processKey", "no-such-process");
        assertThat(summary.get("cases").asLong()).isZero();
        mvc.perform(get("/api/mining/logs/platform/variants").param("processKey", "referenceApproval")
                        .with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].activities[0]", hasItem("提交申请")));
    }

    @Test
    void theApiIsDescribedInOpenApiWithItsFilters() throws Exception {
        JsonNode doc = json.readTree(mvc.perform(get("/v3/api-docs").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode paths = doc.get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/api/mining/logs", "/api/mining/logs/{id}/dfg",
                "/api/mining/logs/{id}/variants", "/api/mining/logs/{id}/metrics", "/api/mining/logs/{id}/bottlenecks",
                "/api/mining/logs/{id}/summary", "/api/mining/logs/{id}/export.xes", "/api/mining/logs/{id}/heuristics",
                "/api/mining/logs/object-types");
        assertThat(paths.get("/api/mining/logs/{id}/dfg").get("get").get("parameters").findValuesAsText("name"))
                .contains("id", "from", "to", "activity", "resource", "department", "variant", "minDurationMs",
                        "maxDurationMs", "processKey");
        assertThat(doc.get("components").get("schemas").get("Edge").get("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("source", "target", "frequency", "meanDurationMs", "medianDurationMs", "maxDurationMs");
    }

    private long storedFiles() throws Exception {
        Path mining = dataDir.resolve("mining");
        if (!Files.isDirectory(mining)) {
            return 0;
        }
        try (var files = Files.list(mining)) {
            return files.count();
        }
    }
}
