package io.clearflow.demand.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.demand.DemandTestApplication;
import io.clearflow.demand.api.DemandState;
import java.util.Arrays;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * No state/process pair of a demand can be left without an open action: every open state has an
 * action and a step, a demand whose process was moved alone is found by the consistency check, and an
 * administrator repairs it so the portal's action works again.
 */
@SpringBootTest(classes = DemandTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemandConsistencyTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    @Test
    void everyOpenStateHasAnActionAndAStep() {
        for (DemandState state : DemandState.values()) {
            if (!state.closed()) {
                assertThat(Arrays.stream(DemandAction.values()).anyMatch(a -> a.from() == state))
                        .as("an action from " + state).isTrue();
                assertThat(state.activityId()).as("the step of " + state).isNotBlank();
            }
        }
    }

    @Test
    void aStrandedDemandIsFoundAndAnAdministratorRepairsIt() throws Exception {
        String body = mvc.perform(post("/api/demands").with(httpBasic("zhangsan", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(DemandLifecycleTest.DEMAND.formatted(false, "null")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        String caseId = json.readTree(body).get("caseId").asText();
        mvc.perform(post("/api/demands/" + id + "/triage").with(httpBasic("zhouba", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":true,\"reason\":\"受理\"}"))
                .andExpect(jsonPath("$.state").value("EVALUATION"));
        // what the old generic send-back did: the process back at 受理, the demand still in 评估
        runtime.createChangeActivityStateBuilder().processInstanceId(caseId).moveActivityIdTo("evaluate", "accept").changeState();

        mvc.perform(get("/api/demands/consistency").with(httpBasic("zhouba", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/demands/consistency").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].expectedStep").value("evaluate"))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].openSteps[0]").value("accept"));
        mvc.perform(post("/api/demands/" + id + "/repair").with(httpBasic("admin", "demo"))).andExpect(status().isOk());
        assertThat(tasks.createTaskQuery().processInstanceId(caseId).singleResult().getTaskDefinitionKey()).isEqualTo("evaluate");
        mvc.perform(get("/api/demands/consistency").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
        mvc.perform(post("/api/demands/" + id + "/repair").with(httpBasic("admin", "demo"))).andExpect(status().isConflict());
        mvc.perform(post("/api/demands/" + id + "/evaluation").with(httpBasic("zhouba", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"valueScore\":8,\"estimateDays\":10,\"priority\":\"P2\",\"targetVersion\":\"v2.1\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("SPLITTING"));
    }

    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    private String page(String path, String userId) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(userId)))).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void anAdministratorSeesStrandedDemandsByNameAndRepairsOneAfterConfirming() throws Exception {
        String body = mvc.perform(post("/api/demands").with(httpBasic("zhangsan", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(DemandLifecycleTest.DEMAND.formatted(false, "null")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        String caseId = json.readTree(body).get("caseId").asText();
        mvc.perform(post("/api/demands/" + id + "/triage").with(httpBasic("zhouba", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":true,\"reason\":\"受理\"}"));
        runtime.createChangeActivityStateBuilder().processInstanceId(caseId).moveActivityIdTo("evaluate", "accept").changeState();

        String html = page("/demand/repair", "admin");
        String row = html.substring(html.indexOf("data-demand=\"" + id + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        // names, not ids: the demand's number and title, its state's label, the open step's name
        assertThat(row).contains("DEM-" + id + " 新增两融报表").contains("需求评估").contains("需求受理")
                .contains("type=\"checkbox\"").doesNotContain(">accept<").doesNotContain(">evaluate<").doesNotContain(caseId);
        assertThat(page("/demand/repair?lang=en", "admin")).contains("Repair demand state and process").doesNotContain("??");
        assertThat(page("/", "admin")).contains("href=\"/demand/repair\"");
        assertThat(page("/", "zhouba")).doesNotContain("href=\"/demand/repair\"");
        mvc.perform(get("/demand/repair").with(user(users.loadUserByUsername("zhouba")))).andExpect(status().isForbidden());

        var admin = user(users.loadUserByUsername("admin"));
        // not confirmed: nothing moves
        mvc.perform(post("/demand/repair/" + id).with(admin).with(csrf()))
                .andExpect(flash().attribute("flashError", "demand.repair.confirmRequired"));
        assertThat(tasks.createTaskQuery().processInstanceId(caseId).singleResult().getTaskDefinitionKey()).isEqualTo("accept");
        mvc.perform(post("/demand/repair/" + id).with(admin).with(csrf()).param("confirm", "true"))
                .andExpect(flash().attribute("flash", "demand.repair.done"));
        assertThat(tasks.createTaskQuery().processInstanceId(caseId).singleResult().getTaskDefinitionKey()).isEqualTo("evaluate");
        assertThat(page("/demand/repair", "admin")).doesNotContain("data-demand=\"" + id + "\"");
        // a second repair of the same demand says it is in step, in the reader's language
        mvc.perform(post("/demand/repair/" + id).with(admin).with(csrf()).param("confirm", "true"))
                .andExpect(flash().attribute("flashError", "demand.error.notStranded"));
    }
}
