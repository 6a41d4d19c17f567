package io.clearflow.delivery.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.DeliveryTestApplication;
import io.clearflow.delivery.evidence.PreGoLiveEvidence;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public class AuditApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired List<PreGoLiveEvidence> evidence;

    /** A fresh version of a seeded system (ctrade is critical, clearflow and registry are not). */
    private long version(String system) throws Exception {
        String label = "9." + UUID.randomUUID().toString().substring(0, 8);
        return read(mvc.perform(post("/api/delivery/versions").with(httpBasic("wujiu", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"system\":\"" + system + "\",\"version\":\"" + label + "\"}")).andExpect(status().isCreated()))
                .get("id").asLong();
    }

    private long audit(long versionId) throws Exception {
        return read(mvc.perform(post("/api/delivery/audits").with(httpBasic("wujiu", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"versionId\":" + versionId + "}"))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    private ResultActions upload(long auditId, String name, byte[] bytes, String user) throws Exception {
        return mvc.perform(multipart("/api/delivery/audits/" + auditId + "/packages")
                .file(new MockMultipartFile("file", name, null, bytes)).with(httpBasic(user, "demo")));
    }

    private ResultActions sarif(long auditId, String log) throws Exception {
        return mvc.perform(multipart("/api/delivery/audits/" + auditId + "/findings")
                .file(new MockMultipartFile("file", "scan.sarif", null, log.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("wujiu", "demo")));
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private static String lines(int from, int to, String prefix) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> prefix + i + ";").collect(Collectors.joining("\n")) + "\n";
    }

    private static final String SARIF = """
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"cppcheck","rules":[
              {"id":"memleak","defaultConfiguration":{"level":"error"}},{"id":"style"}]}},
             "results":[
              {"ruleId":"memleak","message":{"text":"memory leak: buf"},
               "locations":[{"physicalLocation":{"artifactLocation":{"uri":"file:///trade/order.c"},"region":{"startLine":3}}}]},
              {"ruleId":"style","level":"note","message":{"text":"line too long"},
               "locations":[{"physicalLocation":{"artifactLocation":{"uri":"trade/order.c"},"region":{"startLine":2}}}]},
              {"ruleId":"style","message":{"text":"naming"},
               "locations":[{"physicalLocation":{"artifactLocation":{"uri":"./clear/fee.c"},"region":{"startLine":1}}}]},
              {"ruleId":"style","kind":"pass","message":{"text":"checked"}},
              {"ruleId":"memleak","level":"error","message":{"text":"accepted leak"},
               "suppressions":[{"kind":"inSource","justification":"freed by the pool"}],
               "locations":[{"physicalLocation":{"artifactLocation":{"uri":"clear/fee.c"},"region":{"startLine":2}}}]}
             ]}]}""";

    @Test
    void packagesAreDiffedSplitIntoUnitsAndShownWithFindingsInline() throws Exception {
        long versionId = version("ctrade");
        long auditId = audit(versionId);

        Map<String, String> v1 = new LinkedHashMap<>();
        v1.put("trade/order.c", lines(1, 10, "int a"));
        v1.put("trade/same.c", lines(1, 50, "int s"));
        v1.put("clear/old.c", lines(1, 5, "int o"));
        JsonNode first = read(upload(auditId, "pkg-1.zip", TestArchives.zip(v1), "wujiu").andExpect(status().isCreated()));
        assertThat(first.get("files").asInt()).isEqualTo(3);

        // v2: order.c has lines 3-4 replaced and 600 lines appended, same.c unchanged, old.c deleted, fee.c added
        Map<String, String> v2 = new LinkedHashMap<>();
        v2.put("trade/order.c", lines(1, 2, "int a") + "int changed3;\nint changed4;\n" + lines(5, 10, "int a")
                + lines(11, 610, "int n"));
        v2.put("trade/same.c", lines(1, 50, "int s"));
        v2.put("clear/fee.c", lines(1, 7, "int f"));
        JsonNode second = read(upload(auditId, "pkg-2.tar.gz", TestArchives.tarGz(v2), "wujiu")
                .andExpect(status().isCreated()));
        assertThat(second.get("previousId").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(second.get("changedFiles").asInt()).isEqualTo(3);
        // order.c: 2 removed + 2 added + 600 added; fee.c: 7 added; old.c: 5 removed
        assertThat(second.get("changedLines").asInt()).isEqualTo(4 + 600 + 7 + 5);
        int unitLines = 0;
        for (JsonNode unit : second.get("units")) {
            assertThat(unit.get("changedLines").asInt()).isLessThanOrEqualTo(400);
            assertThat(unit.get("minutes").asInt()).isLessThanOrEqualTo(60);
            unitLines += unit.get("changedLines").asInt();
        }
        assertThat(unitLines).isEqualTo(616);
        assertThat(second.get("units")).hasSize(1 + 2); // clear: 12 lines; trade: 604 lines → two units

        JsonNode counts = read(sarif(auditId, SARIF).andExpect(status().isCreated()));
        assertThat(counts.get("results").asInt()).isEqualTo(5);
        assertThat(counts.get("error").asInt()).isEqualTo(2);
        assertThat(counts.get("warning").asInt()).isEqualTo(1);
        assertThat(counts.get("note").asInt()).isEqualTo(1);
        assertThat(counts.get("none").asInt()).isEqualTo(1);

        long packageId = second.get("id").asLong();
        JsonNode code = read(mvc.perform(get("/api/delivery/audits/" + auditId + "/packages/" + packageId + "/code")
                .param("path", "trade/order.c").with(httpBasic("zhengshi", "demo"))).andExpect(status().isOk()));
        JsonNode codeLines = code.get("lines");
        assertThat(codeLines).hasSize(610 + 2); // every new line plus the two removed ones
        JsonNode line3 = null;
        for (JsonNode l : codeLines) {
            if (l.path("newLine").asInt() == 3) {
                line3 = l;
            }
        }
        assertThat(line3.get("type").asText()).isEqualTo("added");
        assertThat(line3.get("text").asText()).isEqualTo("int changed3;");
        assertThat(line3.get("findings").get(0).get("ruleId").asText()).isEqualTo("memleak");
        assertThat(codeLines.get(2).get("type").asText()).isEqualTo("removed");
        assertThat(codeLines.get(2).get("oldLine").asInt()).isEqualTo(3);

        JsonNode deleted = read(mvc.perform(get("/api/delivery/audits/" + auditId + "/packages/" + packageId + "/code")
                .param("path", "clear/old.c").with(httpBasic("zhengshi", "demo"))).andExpect(status().isOk()));
        assertThat(deleted.get("lines")).hasSize(5).allSatisfy(l -> assertThat(l.get("type").asText()).isEqualTo("removed"));
        mvc.perform(get("/api/delivery/audits/" + auditId + "/packages/" + packageId + "/code")
                .param("path", "../../etc/passwd").with(httpBasic("zhengshi", "demo"))).andExpect(status().isNotFound());
    }

    @Test
    void badPackagesAreRefusedAndLeaveNothing() throws Exception {
        long auditId = audit(version("clearflow"));
        upload(auditId, "slip.zip", TestArchives.zipNamed("../../evil.sh"), "wujiu").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").exists());
        upload(auditId, "link.tar.gz", TestArchives.tarGzWithSymlink(), "wujiu").andExpect(status().isBadRequest());
        upload(auditId, "bomb.zip", TestArchives.zipBomb(16), "wujiu").andExpect(status().isBadRequest());
        upload(auditId, "x.txt", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "wujiu")
                .andExpect(status().isBadRequest());
        upload(auditId, "big.zip", new byte[300 * 1024], "wujiu").andExpect(status().isPayloadTooLarge());
        upload(auditId, "ok.zip", TestArchives.zip(Map.of("a.c", "x\n")), "zhangsan").andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_audit_package WHERE audit_id = ?", Long.class, auditId))
                .isZero();

        sarif(auditId, "{\"version\":\"2.0.0\",\"runs\":[]}").andExpect(status().is4xxClientError());
        sarif(auditId, "{not json").andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_audit_finding WHERE audit_id = ?", Long.class, auditId))
                .isZero();

        mvc.perform(post("/api/delivery/audits").with(httpBasic("wujiu", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"versionId\":999999}")).andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/api/delivery/audits").with(httpBasic("wujiu", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"versionId\":\"x'; DROP TABLE del_audit;--\"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/delivery/audits").with(httpBasic("zhangsan", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"versionId\":1}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/delivery/audits/" + auditId)).andExpect(status().isUnauthorized());
    }

    @Test
    void filtersSuppressAcrossVersionsAndTheGateAndReportFollow() throws Exception {
        long versionId = version("ctrade");
        long auditId = audit(versionId);
        assertThat(missing(versionId)).contains("delivery.audit.gate.noCompletedAudit");
        upload(auditId, "pkg.zip", TestArchives.zip(Map.of("trade/order.c", lines(1, 5, "int a"))), "wujiu")
                .andExpect(status().isCreated());
        sarif(auditId, SARIF).andExpect(status().isCreated());

        JsonNode detail = read(mvc.perform(get("/api/delivery/audits/" + auditId).with(httpBasic("chenqc", "demo"))));
        assertThat(detail.get("blockingFindings").asInt()).isEqualTo(1);
        long leak = 0;
        for (JsonNode f : detail.get("findings")) {
            if (f.get("blocking").asBoolean()) {
                leak = f.get("id").asLong();
            }
        }
        mvc.perform(post("/api/delivery/audits/" + auditId + "/complete").with(httpBasic("wujiu", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"opinion\":\"ok\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/delivery/audits/" + auditId + "/complete").with(httpBasic("chenqc", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"opinion\":\"审计通过，内存泄漏待确认\"}"))
                .andExpect(status().isNoContent());
        assertThat(missing(versionId)).containsExactly("delivery.audit.gate.blockingFindings");

        mvc.perform(post("/api/delivery/audits/" + auditId + "/findings/" + leak + "/suppress").with(httpBasic("wujiu", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/delivery/audits/" + auditId + "/findings/" + leak + "/suppress").with(httpBasic("wujiu", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"buf is freed by the caller\"}"))
                .andExpect(status().isNoContent());
        assertThat(missing(versionId)).isEmpty();

        // the next version's audit gets the same finding again: the filter (by fingerprint) still covers it
        long next = audit(version("ctrade"));
        sarif(next, SARIF).andExpect(status().isCreated());
        JsonNode again = read(mvc.perform(get("/api/delivery/audits/" + next).with(httpBasic("chenqc", "demo"))));
        assertThat(again.get("blockingFindings").asInt()).isZero();
        assertThat(again.get("findings")).anySatisfy(f -> {
            assertThat(f.path("ruleId").asText()).isEqualTo("memleak");
            assertThat(f.path("filterReason").asText()).isEqualTo("buf is freed by the caller");
            assertThat(f.path("filterAuthor").asText()).isEqualTo("wujiu");
        });

        var response = mvc.perform(get("/api/delivery/audits/" + auditId + "/report.docx").with(httpBasic("chenqc", "demo"))
                .param("lang", "en")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith(AuditController.DOCX.toString());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String all = text.getText();
            assertThat(all).contains("Code review report ctrade", "审计通过，内存泄漏待确认", "pkg.zip", "trade",
                    "memory leak: buf", "rule filter: buf is freed by the caller", "suppressed by the scanner");
            assertThat(doc.getTables()).isNotEmpty();
        }
        mvc.perform(get("/api/delivery/audits/999999/report.docx").with(httpBasic("chenqc", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void codeViewOfATenThousandLineFileWithFindingsIsFast() throws Exception {
        long auditId = audit(version("registry"));
        upload(auditId, "a.zip", TestArchives.zip(Map.of("big/huge.c", lines(1, 10_000, "int x"))), "wujiu")
                .andExpect(status().isCreated());
        String changed = lines(1, 10_000, "int x").replace("int x5000;", "int y5000;").replace("int x9000;", "int y9000;");
        long packageId = read(upload(auditId, "b.zip", TestArchives.zip(Map.of("big/huge.c", changed)), "wujiu")
                .andExpect(status().isCreated())).get("id").asLong();
        StringBuilder results = new StringBuilder();
        for (int i = 1; i <= 10_000; i += 50) {
            results.append(results.length() == 0 ? "" : ",").append("{\"ruleId\":\"r").append(i % 7)
                    .append("\",\"message\":{\"text\":\"m").append(i).append("\"},\"locations\":[{\"physicalLocation\":")
                    .append("{\"artifactLocation\":{\"uri\":\"big/huge.c\"},\"region\":{\"startLine\":").append(i).append("}}}]}");
        }
        sarif(auditId, "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"t\"}},\"results\":["
                + results + "]}]}").andExpect(status().isCreated());
        // a signed-in session, as in the browser: HTTP Basic would add a BCrypt check to every request
        var request = get("/api/delivery/audits/" + auditId + "/packages/" + packageId + "/code").param("path", "big/huge.c")
                .with(user("zhengshi").roles("TESTER"));
        mvc.perform(request).andExpect(status().isOk()); // warm-up
        long best = Long.MAX_VALUE;
        JsonNode view = null;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            view = read(mvc.perform(request).andExpect(status().isOk()));
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        assertThat(view.get("lines")).hasSize(10_002);
        long withFindings = 0;
        for (JsonNode l : view.get("lines")) {
            withFindings += l.get("findings").size();
        }
        assertThat(withFindings).isEqualTo(200);
        System.out.println("code view of a 10,000-line file with 200 findings: " + best + " ms");
        assertThat(best).isLessThan(300);
    }

    /**
     * A system's knowledge base (a link and an uploaded file) and annotations that reference its entries: shown with
     * the note in the code view; an unknown entry, another system's entry and bad entries are refused, changing nothing.
     */
    @Test
    void annotationsLinkToKnowledgeBaseEntries() throws Exception {
        long auditId = audit(version("clearing"));
        long pkg = read(upload(auditId, "kb1.zip", TestArchives.zip(Map.of("fee/kb.c", lines(1, 5, "int k"))), "wujiu")
                .andExpect(status().isCreated())).get("id").asLong();
        long interfaces = read(mvc.perform(multipart("/api/delivery/audit-kb/clearing").param("title", "清算接口规范 v3")
                .param("kind", "interface").param("url", "https://wiki.example/clearing/if-v3").with(httpBasic("chenqc", "demo")))
                .andExpect(status().isCreated())).get("id").asLong();
        byte[] dictionary = "表,字段,类型\nfee,amount,decimal(18,2)\n".getBytes(StandardCharsets.UTF_8);
        long dict = read(mvc.perform(multipart("/api/delivery/audit-kb/clearing")
                .file(new MockMultipartFile("file", "数据字典.csv", "text/csv", dictionary)).param("title", "清算数据字典")
                .param("kind", "dictionary").with(httpBasic("wujiu", "demo"))).andExpect(status().isCreated())).get("id").asLong();
        var download = mvc.perform(get("/api/delivery/audit-kb/entries/" + dict + "/file").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(download.getContentAsByteArray()).isEqualTo(dictionary);
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(download.getContentType()).isEqualTo("application/octet-stream");
        JsonNode list = read(mvc.perform(get("/api/delivery/audit-kb/clearing").with(httpBasic("zhengshi", "demo"))));
        assertThat(list).extracting(n -> n.get("title").asText()).contains("清算接口规范 v3", "清算数据字典");

        // refused, nothing stored: a script link, both or neither of link and file, an unknown kind, a blank title,
        // an unknown system, a role that may not add
        long entries = jdbc.queryForObject("SELECT COUNT(*) FROM del_audit_kb", Long.class);
        for (String[] bad : new String[][] {{"x", "interface", "javascript:alert(1)"}, {"x", "interface", "ftp://h/x"},
                {"x", "interface", ""}, {"x", "wiki", "https://h/x"}, {"", "interface", "https://h/x"}}) {
            mvc.perform(multipart("/api/delivery/audit-kb/clearing").param("title", bad[0]).param("kind", bad[1])
                    .param("url", bad[2]).with(httpBasic("chenqc", "demo"))).andExpect(status().isBadRequest());
        }
        mvc.perform(multipart("/api/delivery/audit-kb/clearing").file(new MockMultipartFile("file", "a.txt", null, new byte[] {1}))
                .param("title", "both").param("kind", "other").param("url", "https://h/x").with(httpBasic("chenqc", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.url").exists());
        mvc.perform(multipart("/api/delivery/audit-kb/nosuch").param("title", "t").param("kind", "other")
                .param("url", "https://h/x").with(httpBasic("chenqc", "demo"))).andExpect(status().isUnprocessableEntity());
        mvc.perform(multipart("/api/delivery/audit-kb/clearing").param("title", "t").param("kind", "other")
                .param("url", "https://h/x").with(httpBasic("zhengshi", "demo"))).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_audit_kb", Long.class)).isEqualTo(entries);
        mvc.perform(get("/api/delivery/audit-kb/entries/" + interfaces + "/file").with(httpBasic("zhengshi", "demo")))
                .andExpect(status().isNotFound());

        // annotations: one referencing the interface file; unknown and other systems' entries are 400, nothing added
        String path = "/api/delivery/audits/" + auditId + "/packages/" + pkg + "/annotations";
        mvc.perform(post(path).with(httpBasic("chenqc", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"path\":\"fee/kb.c\",\"line\":2,\"text\":\"入参与接口规范第 4.2 节一致\",\"kbEntryId\":" + interfaces + "}"))
                .andExpect(status().isCreated());
        long otherSystem = read(mvc.perform(multipart("/api/delivery/audit-kb/registry").param("title", "登记接口")
                .param("kind", "interface").param("url", "https://wiki.example/registry").with(httpBasic("chenqc", "demo")))
                .andExpect(status().isCreated())).get("id").asLong();
        long notes = jdbc.queryForObject("SELECT COUNT(*) FROM del_audit_annotation", Long.class);
        for (String ref : List.of("999999", String.valueOf(otherSystem), "\"x'; DROP TABLE del_audit_kb;--\"", "-1")) {
            mvc.perform(post(path).with(httpBasic("chenqc", "demo")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"path\":\"fee/kb.c\",\"line\":3,\"text\":\"x\",\"kbEntryId\":" + ref + "}"))
                    .andExpect(status().isBadRequest());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_audit_annotation", Long.class)).isEqualTo(notes);
        JsonNode view = read(mvc.perform(get("/api/delivery/audits/" + auditId + "/packages/" + pkg + "/code")
                .param("path", "fee/kb.c").with(httpBasic("zhengshi", "demo"))).andExpect(status().isOk()));
        JsonNode note = view.at("/lines/1/annotations/0");
        assertThat(note.get("text").asText()).isEqualTo("入参与接口规范第 4.2 节一致");
        assertThat(note.at("/reference/title").asText()).isEqualTo("清算接口规范 v3");
        assertThat(note.at("/reference/url").asText()).isEqualTo("https://wiki.example/clearing/if-v3");
    }

    @Test
    void annotationsFollowTheirLineIntoLaterPackages() throws Exception {
        long auditId = audit(version("registry"));
        long first = read(upload(auditId, "n1.zip", TestArchives.zip(Map.of("note/a.c", lines(1, 10, "int a"))), "wujiu")
                .andExpect(status().isCreated())).get("id").asLong();
        for (String[] note : new String[][] {{"5", "check the bound"}, {"8", "is this freed?"}}) {
            mvc.perform(post("/api/delivery/audits/" + auditId + "/packages/" + first + "/annotations")
                    .with(httpBasic("wujiu", "demo")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"path\":\"note/a.c\",\"line\":" + note[0] + ",\"text\":\"" + note[1] + "\"}"))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/delivery/audits/" + auditId + "/packages/" + first + "/annotations")
                .with(httpBasic("wujiu", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"path\":\"note/a.c\",\"line\":11,\"text\":\"past the end\"}")).andExpect(status().isBadRequest());
        // two lines inserted at the top, line 8 changed: the note on 5 moves to 7, the note on 8 is gone
        String v2 = "int new1;\nint new2;\n" + lines(1, 7, "int a") + "int changed8;\n" + lines(9, 10, "int a");
        long second = read(upload(auditId, "n2.zip", TestArchives.zip(Map.of("note/a.c", v2)), "wujiu")
                .andExpect(status().isCreated())).get("id").asLong();
        JsonNode view = read(mvc.perform(get("/api/delivery/audits/" + auditId + "/packages/" + second + "/code")
                .param("path", "note/a.c").with(httpBasic("zhengshi", "demo"))).andExpect(status().isOk()));
        List<String> notes = new java.util.ArrayList<>();
        for (JsonNode l : view.get("lines")) {
            for (JsonNode n : l.path("annotations")) {
                notes.add(l.path("newLine").asInt() + ":" + n.get("text").asText() + "@" + n.get("packageLabel").asText());
            }
        }
        assertThat(notes).containsExactly("7:check the bound@n1.zip");
    }

    @Test
    void interfaceCheckResultsBecomeFindings() throws Exception {
        long auditId = audit(version("clearflow"));
        JsonNode counts = read(mvc.perform(multipart("/api/delivery/audits/" + auditId + "/interface-check")
                .file(new MockMultipartFile("definitions", "if.csv", null, InterfaceCheckTest.DEFINITIONS.getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("calls", "calls.json", null, InterfaceCheckTest.CALLS_JSON.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("wujiu", "demo"))).andExpect(status().isCreated()));
        assertThat(counts.get("results").asInt()).isEqualTo(4);
        assertThat(counts.get("error").asInt()).isEqualTo(2);
        assertThat(counts.get("warning").asInt()).isEqualTo(2);
        JsonNode detail = read(mvc.perform(get("/api/delivery/audits/" + auditId).with(httpBasic("chenqc", "demo"))));
        assertThat(detail.get("blockingFindings").asInt()).isEqualTo(2);
        mvc.perform(multipart("/api/delivery/audits/" + auditId + "/interface-check")
                .file(new MockMultipartFile("definitions", "if.csv", null, "nonsense".getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("calls", "calls.json", null, InterfaceCheckTest.CALLS_JSON.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("wujiu", "demo"))).andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_audit_finding WHERE audit_id = ?", Long.class, auditId))
                .isEqualTo(4);
    }

    @Autowired io.clearflow.delivery.version.Versions versions;

    /** The code audit's part of the pre-go-live evidence (the stress test has its own). */
    private List<String> missing(long versionId) {
        var ref = versions.find(versionId).orElseThrow();
        return evidence.stream().flatMap(e -> e.missing(ref).stream()).filter(i -> i.kind().equals(AuditEvidence.KIND))
                .map(PreGoLiveEvidence.Item::messageKey).toList();
    }
}
