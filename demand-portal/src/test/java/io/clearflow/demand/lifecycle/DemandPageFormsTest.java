package io.clearflow.demand.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.demand.DemandTestApplication;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demand pages' forms as a browser sends them: text that is no date or number is refused next to its field in the
 * reader's language with what was typed kept, and nothing is stored; the split form's parallel lists become tasks with
 * blank rows left out. Inputs tried: a date written 31/12/2026, an estimate "x", a blank middle row.
 */
@SpringBootTest(classes = DemandTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemandPageFormsTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;

    @Test
    void aDateThatIsNoDateIsRefusedNextToItsFieldWithTheFormKept() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM cf_demand", Long.class);
        String page = mvc.perform(post("/demand").with(user(users.loadUserByUsername("zhangsan"))).with(csrf())
                        .param("title", "页面提交的需求").param("description", "说明").param("category", "FEATURE")
                        .param("businessValue", "减少人工").param("urgency", "NORMAL").param("expectedDate", "31/12/2026"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"error-expectedDate\"").contains("请按 年-月-日 填写日期")
                .contains("需求信息不完整或有误").contains("value=\"页面提交的需求\"")
                .doesNotContain("demand.error").doesNotContain("??");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_demand", Long.class)).isEqualTo(before);
    }

    @Test
    void theSplitFormsRowsBecomeTasksAndARowThatIsNoNumberChangesNothing() throws Exception {
        long id = evaluatedDemand();
        var zhouba = user(users.loadUserByUsername("zhouba"));

        mvc.perform(post("/demand/" + id + "/split").with(zhouba).with(csrf())
                        .param("taskTitle", "后端", "", "页面").param("taskEstimate", "3", "", "x").param("taskDue", "", "", ""))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashErrors", List.of("demand.error.taskRow")));
        assertThat(tasks(id)).isEmpty();

        mvc.perform(post("/demand/" + id + "/split").with(zhouba).with(csrf())
                        .param("taskTitle", "后端", " ", "页面").param("taskEstimate", "3", "", "2.5").param("taskDue", "2026-06-30", "", ""))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "demand.flash.split"));
        assertThat(tasks(id)).containsExactly(
                Arrays.asList("后端", new BigDecimal("3.0"), LocalDate.parse("2026-06-30")),
                Arrays.asList("页面", new BigDecimal("2.5"), null));
    }

    private List<List<Object>> tasks(long demandId) {
        return jdbc.query("SELECT title, estimate_days, due_date FROM cf_demand_task WHERE demand_id = ? ORDER BY id",
                (rs, n) -> Arrays.asList(rs.getString(1), rs.getBigDecimal(2),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()), demandId);
    }

    private long evaluatedDemand() throws Exception {
        String body = mvc.perform(post("/api/demands").with(httpBasic("zhangsan", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(DemandLifecycleTest.DEMAND.formatted(false, "null")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        mvc.perform(post("/api/demands/" + id + "/triage").with(httpBasic("zhouba", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accepted\":true,\"reason\":\"受理\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/demands/" + id + "/evaluation").with(httpBasic("zhouba", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"valueScore\":8,\"estimateDays\":5,\"priority\":\"P2\",\"targetVersion\":\"v2.3\"}"))
                .andExpect(status().isOk());
        return id;
    }
}
