package io.clearflow.demand.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.demand.DemandTestApplication;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.TaskView;
import io.clearflow.engine.work.WorkService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A demand's steps are moved only by the demand portal: the generic task page offers no 打回 and no
 * 回收 on them, and the generic send-back, withdraw and complete are refused (409) over pages and REST,
 * so a demand can no longer show 需求评估 while its process waits somewhere else.
 */
@SpringBootTest(classes = DemandTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemandGenericOperationsTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired UserDetailsService users;

    @Test
    void genericSendBackWithdrawAndCompleteAreNotOfferedNorAcceptedOnDemandSteps() throws Exception {
        String body = mvc.perform(post("/api/demands").with(httpBasic("zhangsan", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(DemandLifecycleTest.DEMAND.formatted(false, "null")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        mvc.perform(post("/api/demands/" + id + "/triage").with(httpBasic("zhouba", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":true,\"reason\":\"受理\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("EVALUATION"));
        TaskView evaluate = work.inbox(directory.requireMember("zhouba"), 0, 200).stream()
                .filter(t -> ("DEM-" + id).equals(t.businessKey())).findFirst().orElseThrow();
        assertThat(evaluate.activityId()).isEqualTo("evaluate");

        var zhouba = user(users.loadUserByUsername("zhouba"));
        String page = mvc.perform(get("/tasks/" + evaluate.id()).with(zhouba)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("send-back-form");

        mvc.perform(post("/tasks/" + evaluate.id() + "/send-back").with(zhouba).with(csrf())
                        .param("targetActivityId", "accept").param("reason", "重新受理"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/tasks/" + evaluate.id() + "/send-back").with(httpBasic("zhouba", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"targetActivityId\":\"accept\",\"reason\":\"重新受理\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/tasks/" + evaluate.id() + "/send-back-targets").with(httpBasic("zhouba", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(post("/api/tasks/" + evaluate.id() + "/complete").with(httpBasic("zhouba", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"variables\":{}}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/processes/" + evaluate.caseId() + "/withdraw").with(httpBasic("zhouba", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"撤回\"}"))
                .andExpect(status().isConflict());

        // state and process are still in step: the evaluation is open and the portal takes it
        assertThat(work.task(directory.requireMember("zhouba"), evaluate.id()).activityId()).isEqualTo("evaluate");
        mvc.perform(post("/api/demands/" + id + "/evaluation").with(httpBasic("zhouba", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"valueScore\":8,\"estimateDays\":10,\"priority\":\"P2\",\"targetVersion\":\"v2.1\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("SPLITTING"));
    }
}
