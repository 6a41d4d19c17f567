package io.clearflow.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.engine.EngineTestApplication;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code POST /api/governance/validate} answers every file with a report and never 500, and changes
 * nothing. Files tried: exports of Flowable Design, Camunda Modeler and bpmn.io; Camunda-namespace
 * candidate groups; malformed XML; XXE with an external entity; an external DTD; billion laughs;
 * binary junk; an empty file; an unknown BPMN element type; a user task without candidate group; a
 * script task; a process without owner; an intelligent-mode process without and with an external
 * worker; a 50 MB upload (413); no file part (400); callers without the right role (403).
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BpmnValidationApiTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    static byte[] resource(String name) throws Exception {
        try (var in = BpmnValidationApiTest.class.getResourceAsStream("/governance/" + name)) {
            return in.readAllBytes();
        }
    }

    private ResultActions validate(byte[] content, String user, String... mode) throws Exception {
        var request = multipart("/api/governance/validate").file(new MockMultipartFile("file", "model.bpmn", "application/xml", content))
                .with(httpBasic(user, "demo"));
        if (mode.length > 0) {
            request.param("mode", mode[0]);
        }
        return mvc.perform(request);
    }

    private ResultActions validate(String xml) throws Exception {
        return validate(xml.getBytes(StandardCharsets.UTF_8), "sunqi");
    }

    @Test
    void modelsFromFlowableDesignCamundaModelerAndBpmnIoAreAccepted() throws Exception {
        for (String file : new String[] {"flowable-electronic.bpmn20.xml", "camunda-modeler.bpmn", "bpmn-io.bpmn"}) {
            validate(resource(file), "sunqi").andExpect(status().isOk())
                    .andExpect(jsonPath("$.valid").value(true))
                    .andExpect(jsonPath("$.errors").isEmpty());
        }
        // bpmn.io's file names no candidate starters: a warning, not an error
        validate(resource("bpmn-io.bpmn"), "sunqi").andExpect(jsonPath("$.warnings[*].elementId", hasItem("govSettlement")));
    }

    @Test
    void camundaNamespaceCandidateGroupsAreReadAsFlowableReadsThem() throws Exception {
        // Flowable 7 falls back to camunda:candidateGroups, so a plain Camunda Modeler file passes the rule
        validate(resource("camunda-only-groups.bpmn"), "sunqi").andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.processKey").value("govTransferCamundaOnly"));
    }

    @Test
    void platformRulesAreReportedByElement() throws Exception {
        validate(resource("missing-candidate-group.bpmn20.xml"), "sunqi").andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[*].elementId", hasItem("review")));
        validate(resource("script-task.bpmn20.xml"), "sunqi").andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[*].elementId", hasItem("calc")));
        validate(resource("no-owner.bpmn20.xml"), "sunqi").andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[0].elementId").value("govNoOwner"))
                .andExpect(jsonPath("$.errors[0].message", containsString("owner")));
        validate(resource("intelligent-without-worker.bpmn20.xml"), "sunqi", "intelligent")
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[0].message", containsString("external-worker")));
        validate(resource("intelligent.bpmn20.xml"), "sunqi", "intelligent").andExpect(jsonPath("$.valid").value(true));
        validate(resource("no-di.bpmn20.xml"), "sunqi").andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.warnings[*].message", hasItem(containsString("BPMN DI"))));
    }

    @Test
    void xxeAndDtdAreRefusedWithAClearErrorAndNothingIsRead() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE definitions [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\">"
                + "<process id=\"p\" name=\"&xxe;\" isExecutable=\"true\"/></definitions>";
        String body = validate(xxe).andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[0].message", containsString("DTD")))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("root:");
        validate("<?xml version=\"1.0\"?><!DOCTYPE definitions SYSTEM \"http://127.0.0.1:9/evil.dtd\">"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\"/>")
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[0].message", containsString("DTD")));
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;\">]><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&lol3;</definitions>";
        validate(laughs).andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false));
    }

    @Test
    void junkOfEveryKindIsAnInvalidReportNeverA500() throws Exception {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        validate(junk, "sunqi").andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false));
        validate(new byte[0], "sunqi").andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[0].message", containsString("empty")));
        validate("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">")
                .andExpect(status().isOk()).andExpect(jsonPath("$.errors[0].message", containsString("well-formed")));
        validate("<html><body>not bpmn</body></html>").andExpect(status().isOk())
                .andExpect(jsonPath("$.errors[0].message", containsString("not a BPMN 2.0 file")));
        String unknownElement = new String(resource("flowable-electronic.bpmn20.xml"), StandardCharsets.UTF_8)
                .replace("<endEvent id=\"end\" name=\"结束\"/>", "<endEvent id=\"end\" name=\"结束\"/><teleportTask id=\"beam\"/>");
        validate(unknownElement).andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[0].message", containsString("teleportTask")));
        String noProcess = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\"/>";
        validate(noProcess).andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false));
    }

    @Test
    void fiftyMegabytesAre413AndAMissingFileIs400() throws Exception {
        byte[] huge = new byte[50 * 1024 * 1024];
        validate(huge, "sunqi").andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.status").value(413));
        mvc.perform(multipart("/api/governance/validate").with(httpBasic("sunqi", "demo")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void validationChangesNothingAndIsForGovernanceRolesDevelopersAndBots() throws Exception {
        long deployments = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT", Long.class);
        long designs = jdbc.queryForObject("SELECT COUNT(*) FROM gov_design", Long.class);
        validate(resource("flowable-electronic.bpmn20.xml"), "wujiu").andExpect(status().isOk());
        validate(resource("flowable-electronic.bpmn20.xml"), "hegui").andExpect(status().isOk());
        validate(resource("flowable-electronic.bpmn20.xml"), "zhangsan").andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT", Long.class)).isEqualTo(deployments);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gov_design", Long.class)).isEqualTo(designs);
    }
}
