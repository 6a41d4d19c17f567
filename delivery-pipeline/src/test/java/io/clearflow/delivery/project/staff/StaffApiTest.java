package io.clearflow.delivery.project.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.DeliveryTestApplication;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.work.WorkService;
import java.math.BigDecimal;
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
import org.springframework.test.web.servlet.ResultActions;

/**
 * The HR resource pool over the API and its pages: onboarding with its checklist, effort, the allocation of a month's
 * cost to projects as staff cost rows (re-running replaces, never doubles), offboarding that cannot finish while a
 * system hand-over is open, and refusals for bad input and other roles.
 */
@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public class StaffApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired WorkService work;
    @Autowired OrgDirectory directory;
    @Autowired UserDetailsService users;

    @Test
    void onboardWorkAllocateAndOffboard() throws Exception {
        long before = count("del_staff");
        post("zhouba", "/api/delivery/staff", "{\"name\":\"\",\"kind\":\"outsourced\",\"vendor\":\"某外包\",\"department\":\"dept-it\",\"monthlyCost\":20000}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.name").exists());
        post("zhouba", "/api/delivery/staff", "{\"name\":\"王外包\",\"kind\":\"contractor\",\"vendor\":\"v\",\"department\":\"dept-it\",\"monthlyCost\":1}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.kind").exists());
        post("zhouba", "/api/delivery/staff", "{\"name\":\"王外包\",\"kind\":\"outsourced\",\"vendor\":\"v\",\"department\":\"dept-it\",\"monthlyCost\":-1}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.monthlyCost").exists());
        post("zhouba", "/api/delivery/staff", "{\"name\":\"王外包\",\"kind\":\"outsourced\",\"department\":\"dept-it\",\"monthlyCost\":1}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.vendor").exists());
        post("zhouba", "/api/delivery/staff", "{\"name\":\"王外包\",\"kind\":\"outsourced\",\"vendor\":\"v\",\"department\":\"dept-x\",\"monthlyCost\":1}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.department").exists());
        for (String user : List.of("wujiu", "sunqi", "issuer01")) {
            post(user, "/api/delivery/staff", "{\"name\":\"王外包\",\"kind\":\"intern\",\"department\":\"dept-it\",\"monthlyCost\":1}")
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/delivery/staff").with(httpBasic("zhangsan", "demo"))).andExpect(status().isForbidden());
        assertThat(count("del_staff")).isEqualTo(before);

        long id = read(post("zhouba", "/api/delivery/staff", "{\"name\":\"王外包 <script>\",\"kind\":\"outsourced\","
                + "\"vendor\":\"某科技\",\"department\":\"dept-it\",\"monthlyCost\":12000}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("onboarding"))).get("id").asLong();
        String s = "/api/delivery/staff/" + id;
        assertThat(inbox("zhouba")).contains("HR-" + id + ":onboard");
        // onboarding finishes only with account, access and equipment done
        post("zhouba", s + "/onboarded", "").andExpect(status().isConflict());
        for (JsonNode item : read(mvc.perform(get(s).with(httpBasic("zhouba", "demo")))).get("items")) {
            post("zhouba", s + "/items/" + item.get("id").asLong() + "/done", "").andExpect(status().isOk());
        }
        post("zhouba", s + "/items/99999999/done", "").andExpect(status().isNotFound());
        post("zhouba", s + "/onboarded", "").andExpect(status().isOk()).andExpect(jsonPath("$.staff.state").value("active"));
        assertThat(inbox("zhouba")).doesNotContain("HR-" + id + ":onboard");

        // effort on two projects; bad effort refused
        long p1 = project("登记改造"), p2 = project("清算改造");
        post("zhouba", s + "/efforts", "{\"projectId\":99999999,\"period\":\"2026-11\",\"hours\":8}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.projectId").exists());
        post("zhouba", s + "/efforts", "{\"projectId\":" + p1 + ",\"period\":\"2026-11\",\"hours\":-8}").andExpect(status().isBadRequest());
        post("zhouba", s + "/efforts", "{\"projectId\":" + p1 + ",\"period\":\"11/2026\",\"hours\":8}").andExpect(status().isBadRequest());
        post("zhouba", s + "/efforts", "{\"projectId\":" + p1 + ",\"period\":\"2026-11\",\"hours\":120}").andExpect(status().isOk());
        post("zhouba", s + "/efforts", "{\"projectId\":" + p2 + ",\"period\":\"2026-11\",\"hours\":40}").andExpect(status().isOk());
        post("zhouba", s + "/allocations", "{\"period\":\"2026-11\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.costs['" + p1 + "']").value(9000.00)).andExpect(jsonPath("$.costs['" + p2 + "']").value(3000.00));
        assertThat(staffCost(p1)).isEqualByComparingTo("9000");
        // re-running replaces: same totals, no doubling; corrected effort moves the split
        post("zhouba", s + "/allocations", "{\"period\":\"2026-11\"}").andExpect(status().isOk());
        assertThat(staffCost(p1)).isEqualByComparingTo("9000");
        assertThat(staffCost(p2)).isEqualByComparingTo("3000");
        post("zhouba", s + "/efforts", "{\"projectId\":" + p2 + ",\"period\":\"2026-11\",\"hours\":80}").andExpect(status().isOk());
        post("zhouba", s + "/allocations", "{\"period\":\"2026-11\"}").andExpect(status().isOk());
        assertThat(staffCost(p1)).isEqualByComparingTo("6000");
        assertThat(staffCost(p2)).isEqualByComparingTo("6000");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_project_cost WHERE kind = 'staff' AND project_id IN (?, ?)",
                Integer.class, p1, p2)).isEqualTo(2);
        mvc.perform(get("/api/delivery/projects/" + p1).with(httpBasic("zhouba", "demo"))).andExpect(jsonPath("$.actualCost").value(6000.00));

        // offboarding: a hand-over per system; cannot finish while one is open
        post("zhouba", s + "/offboarding", "{\"systems\":[]}").andExpect(status().isBadRequest());
        post("zhouba", s + "/offboarding", "{\"systems\":[\"nosuch\"]}").andExpect(status().isBadRequest());
        JsonNode off = read(post("zhouba", s + "/offboarding", "{\"systems\":[\"ctrade\",\"clearing\"],\"leftOn\":\"2026-12-31\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.staff.state").value("offboarding")));
        for (JsonNode item : off.get("items")) {
            boolean offboarding = "offboarding".equals(item.get("phase").asText());
            boolean clearingHandOver = "clearing".equals(item.path("system").asText(""));
            if (offboarding && !clearingHandOver) {
                post("zhouba", s + "/items/" + item.get("id").asLong() + "/done", "").andExpect(status().isOk());
            }
        }
        var refused = post("zhouba", s + "/left", "").andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("handover clearing");
        long handOver = read(mvc.perform(get(s).with(httpBasic("zhouba", "demo")))).get("items").findParents("system").stream()
                .filter(n -> "clearing".equals(n.get("system").asText())).findFirst().orElseThrow().get("id").asLong();
        post("zhouba", s + "/items/" + handOver + "/done", "").andExpect(status().isOk());
        post("zhouba", s + "/left", "").andExpect(status().isOk()).andExpect(jsonPath("$.staff.state").value("left"))
                .andExpect(jsonPath("$.staff.leftOn").value("2026-12-31"));

        // the pages: the pool and the person, escaped, in both languages; others refused
        String pool = mvc.perform(get("/delivery/staff").with(user(users.loadUserByUsername("zhouba")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(pool).contains("data-staff=\"" + id + "\"", "王外包 &lt;script&gt;", "已离场").doesNotContain("??", "王外包 <script>");
        String page = mvc.perform(get("/delivery/staff/" + id).cookie(new jakarta.servlet.http.Cookie("CLEARFLOW_LANG", "en"))
                .with(user(users.loadUserByUsername("zhouba")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("System hand-over", "Cost allocation", "6000.00").doesNotContain("??");
        mvc.perform(get("/delivery/staff").with(user(users.loadUserByUsername("wujiu")))).andExpect(status().isForbidden());
        String refusedForm = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/delivery/staff")
                .param("name", "实习生").param("kind", "intern").param("department", "dept-it").param("monthlyCost", "abc")
                .with(user(users.loadUserByUsername("zhouba"))).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(refusedForm).contains("id=\"error-monthlyCost\"", "value=\"实习生\"");
    }

    long project(String name) throws Exception {
        return read(post("zhouba", "/api/delivery/projects", "{\"name\":\"" + name + "\",\"department\":\"dept-registry\","
                + "\"systems\":[\"ctrade\"]}").andExpect(status().isCreated())).get("id").asLong();
    }

    BigDecimal staffCost(long projectId) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM del_project_cost WHERE project_id = ? AND kind = 'staff'",
                BigDecimal.class, projectId);
    }

    ResultActions post(String user, String path, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    List<String> inbox(String user) {
        return work.inbox(directory.requireMember(user), 0, 200).stream().map(t -> t.businessKey() + ":" + t.activityId()).toList();
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
