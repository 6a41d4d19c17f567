package io.clearflow.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.web.TimeFormat;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The monitoring queries on seeded history: 120 instances of two processes deployed only for this
 * test, started in May and June 2020 (no other test's instances fall there) by people of three
 * departments, running, completed or withdrawn. Every expected figure is computed here from the
 * seed itself. Inputs tried: a range that ends before it starts, dates and months that do not parse,
 * an unknown status, sort, grouping and measure, a page size of 1000, quotes and SQL in the process
 * key and initiator filters (no match, the table still there), an unknown instance id, another
 * department's instance and department filter for a business user (404 and 403).
 */
@SpringBootTest(classes = EngineTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorQueryTest {

    record Seed(String id, String key, String initiator, String department, Instant start, Instant end, boolean withdrawn) {
        String status() {
            return end == null ? "running" : withdrawn ? "withdrawn" : "completed";
        }
    }

    static final Map<String, String> DEPARTMENTS = Map.of("zhangsan", "dept-registry", "lisi", "dept-registry",
            "wangwu", "dept-clearing", "zhaoliu", "dept-account");
    static final List<String> INITIATORS = List.of("zhangsan", "lisi", "wangwu", "zhaoliu");

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired RepositoryService repository;
    @Autowired TimeFormat times;

    final List<Seed> seeds = new ArrayList<>();
    ZoneId zone;

    @BeforeAll
    void seed() {
        zone = times.zone();
        Map<String, String> definitions = Map.of("monitorSeedA", deploy("monitorSeedA", "Seed A"),
                "monitorSeedB", deploy("monitorSeedB", "Seed B"));
        Random random = new Random(42);
        Instant may = LocalDate.of(2020, 5, 1).atStartOfDay(zone).toInstant();
        for (int n = 0; n < 120; n++) {
            String key = n % 3 == 0 ? "monitorSeedB" : "monitorSeedA";
            String initiator = INITIATORS.get(random.nextInt(INITIATORS.size()));
            Instant start = may.plusSeconds(random.nextInt(61 * 24 * 60) * 60L);
            int outcome = random.nextInt(5); // 0 running, 1 withdrawn, else completed
            Instant end = outcome == 0 ? null : start.plusSeconds(60L * (30 + random.nextInt(72 * 60)));
            Seed seed = new Seed("seed-" + n, key, initiator, DEPARTMENTS.get(initiator), start, end, outcome == 1);
            seeds.add(seed);
            jdbc.update("INSERT INTO ACT_HI_PROCINST (ID_, REV_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_ID_, START_TIME_,"
                            + " END_TIME_, DURATION_, START_USER_ID_, DELETE_REASON_, TENANT_ID_) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, '')",
                    seed.id(), seed.id(), "BK-" + n, definitions.get(key), Timestamp.from(start),
                    end == null ? null : Timestamp.from(end), end == null ? null : end.toEpochMilli() - start.toEpochMilli(),
                    initiator, seed.withdrawn() ? "withdrawn: test" : null);
        }
    }

    private String deploy(String key, String name) {
        String bpmn = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="test">
                  <process id="%s" name="%s" isExecutable="true">
                    <startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/><endEvent id="e"/>
                  </process>
                </definitions>""".formatted(key, name);
        String deployment = repository.createDeployment().addString(key + ".bpmn20.xml", bpmn).deploy().getId();
        return repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();
    }

    private Instant day(int month, int day) {
        return LocalDate.of(2020, month, day).atStartOfDay(zone).toInstant();
    }

    private List<Seed> expected(Predicate<Seed> filter, boolean ascending) {
        Comparator<Seed> byStart = Comparator.comparing(Seed::start).thenComparing(Seed::id);
        return seeds.stream().filter(filter).sorted(ascending ? byStart : byStart.reversed()).toList();
    }

    private String json(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(httpBasic(user, "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void overseersFilterByProcessStatusDepartmentInitiatorAndDatesAndPageByStartTime() throws Exception {
        var a = expected(s -> s.key().equals("monitorSeedA"), false);
        String page = json(get("/api/monitor/instances").param("processKey", "monitorSeedA").param("size", "10"), "linops");
        assertThat(((Number) JsonPath.read(page, "$.totalElements")).longValue()).isEqualTo(a.size());
        assertThat(JsonPath.<List<String>>read(page, "$.content[*].id")).containsExactlyElementsOf(
                a.subList(0, 10).stream().map(Seed::id).toList());
        assertThat(JsonPath.<String>read(page, "$.content[0].processName")).isEqualTo("Seed A");
        assertThat(JsonPath.<String>read(page, "$.content[0].department")).isEqualTo(a.get(0).department());
        assertThat(JsonPath.<String>read(page, "$.content[0].status")).isEqualTo(a.get(0).status());

        // ascending, second page of 7
        var ascending = expected(s -> s.key().equals("monitorSeedA"), true);
        page = json(get("/api/monitor/instances").param("processKey", "monitorSeedA").param("sort", "asc")
                .param("page", "1").param("size", "7"), "zhouba");
        assertThat(JsonPath.<List<String>>read(page, "$.content[*].id")).containsExactlyElementsOf(
                ascending.subList(7, 14).stream().map(Seed::id).toList());

        // status + department + date range (the "to" day is included, in the firm's zone)
        Instant from = day(5, 10);
        Instant to = day(6, 21);
        var completedInRegistry = expected(s -> s.status().equals("completed") && s.department().equals("dept-registry")
                && !s.start().isBefore(from) && s.start().isBefore(to), false);
        page = json(get("/api/monitor/instances").param("status", "completed").param("department", "dept-registry")
                .param("from", "2020-05-10").param("to", "2020-06-20").param("size", "200"), "linops");
        assertThat(JsonPath.<List<String>>read(page, "$.content[*].id"))
                .containsExactlyElementsOf(completedInRegistry.stream().map(Seed::id).toList());

        // initiator + withdrawn, and running
        for (String status : List.of("withdrawn", "running")) {
            var mine = expected(s -> s.initiator().equals("wangwu") && s.status().equals(status), false);
            page = json(get("/api/monitor/instances").param("initiator", "wangwu").param("status", status)
                    .param("from", "2020-05-01").param("to", "2020-06-30").param("size", "200"), "admin");
            assertThat(JsonPath.<List<String>>read(page, "$.content[*].id")).as(status)
                    .containsExactlyElementsOf(mine.stream().map(Seed::id).toList());
        }
    }

    @Test
    void othersSeeOnlyTheirOwnDepartmentsInstances() throws Exception {
        var registryB = expected(s -> s.key().equals("monitorSeedB") && s.department().equals("dept-registry"), false);
        String page = json(get("/api/monitor/instances").param("processKey", "monitorSeedB").param("size", "200"), "zhangsan");
        assertThat(JsonPath.<List<String>>read(page, "$.content[*].id"))
                .containsExactlyElementsOf(registryB.stream().map(Seed::id).toList());
        mvc.perform(get("/api/monitor/instances").param("department", "dept-clearing").with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isForbidden());
        String clearing = seeds.stream().filter(s -> s.department().equals("dept-clearing")).findFirst().orElseThrow().id();
        mvc.perform(get("/api/monitor/instances/" + clearing).with(httpBasic("zhangsan", "demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/monitor/instances/" + clearing + "/run-log").with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/monitor/instances/" + clearing).with(httpBasic("wangwu", "demo"))).andExpect(status().isOk());
        mvc.perform(get("/api/monitor/instances/" + clearing).with(httpBasic("sunqi", "demo"))).andExpect(status().isOk());

        // the department query: a business user gets their own department's row only
        String rows = json(get("/api/monitor/departments").param("from", "2020-05-01").param("to", "2020-06-30"), "zhangsan");
        assertThat(JsonPath.<List<String>>read(rows, "$[*].department")).containsExactly("dept-registry");
    }

    @Test
    void departmentQueryCountsWhatEachDepartmentStartedInThePeriod() throws Exception {
        Instant from = day(5, 1);
        Instant to = day(6, 1);
        String rows = json(get("/api/monitor/departments").param("from", "2020-05-01").param("to", "2020-05-31"), "linops");
        for (String department : List.of("dept-registry", "dept-clearing", "dept-account")) {
            var started = seeds.stream().filter(s -> s.department().equals(department)
                    && !s.start().isBefore(from) && s.start().isBefore(to)).toList();
            String at = "$[?(@.department == '" + department + "')]";
            assertThat(JsonPath.<List<Number>>read(rows, at + ".started")).as(department).containsExactly(started.size());
            assertThat(JsonPath.<List<Number>>read(rows, at + ".running")).containsExactly(
                    (int) started.stream().filter(s -> s.status().equals("running")).count());
            assertThat(JsonPath.<List<Number>>read(rows, at + ".completed")).containsExactly(
                    (int) started.stream().filter(s -> s.status().equals("completed")).count());
            assertThat(JsonPath.<List<Number>>read(rows, at + ".withdrawn")).containsExactly(
                    (int) started.stream().filter(s -> s.status().equals("withdrawn")).count());
        }
        assertThat(JsonPath.<List<Number>>read(rows, "$[?(@.department == 'dept-compliance')].started")).containsExactly(0);
    }

    @Test
    void usageStatisticsGiveStartsCompletionsMeanAndP90ThisMonthAgainstLast() throws Exception {
        String report = json(get("/api/monitor/statistics").param("month", "2020-06"), "sunqi");
        assertThat(JsonPath.<String>read(report, "$.month")).isEqualTo("2020-06");
        assertThat(JsonPath.<String>read(report, "$.previousMonth")).isEqualTo("2020-05");
        YearMonth june = YearMonth.of(2020, 6);
        for (String key : List.of("monitorSeedA", "monitorSeedB")) {
            checkFigures(report, "$.byProcess[?(@.key == '" + key + "')]", s -> s.key().equals(key), june);
        }
        checkFigures(report, "$.byDepartment[?(@.key == 'dept-clearing')]", s -> s.department().equals("dept-clearing"), june);

        // a business user's statistics cover their own department only
        String own = json(get("/api/monitor/statistics").param("month", "2020-06"), "wangwu");
        assertThat(JsonPath.<List<String>>read(own, "$.byDepartment[*].key")).containsExactly("dept-clearing");
        checkFigures(own, "$.byProcess[?(@.key == 'monitorSeedA')]",
                s -> s.key().equals("monitorSeedA") && s.department().equals("dept-clearing"), june);

        String chart = json(get("/api/monitor/statistics/chart").param("month", "2020-06").param("by", "process")
                .param("measure", "volume"), "linops");
        assertThat(JsonPath.<List<String>>read(chart, "$.xAxis.data")).contains("Seed A", "Seed B");
        assertThat(JsonPath.<List<Object>>read(chart, "$.series")).hasSize(4);
        String duration = json(get("/api/monitor/statistics/chart").param("month", "2020-06").param("by", "department")
                .param("measure", "duration"), "linops");
        assertThat(JsonPath.<List<String>>read(duration, "$.series[*].type")).containsOnly("bar");
    }

    private void checkFigures(String report, String row, Predicate<Seed> group, YearMonth month) {
        for (var side : List.of(Map.entry("current", month), Map.entry("previous", month.minusMonths(1)))) {
            Instant from = side.getValue().atDay(1).atStartOfDay(zone).toInstant();
            Instant to = side.getValue().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            long starts = seeds.stream().filter(group).filter(s -> !s.start().isBefore(from) && s.start().isBefore(to)).count();
            List<Long> durations = seeds.stream().filter(group)
                    .filter(s -> s.status().equals("completed") && !s.end().isBefore(from) && s.end().isBefore(to))
                    .map(s -> s.end().toEpochMilli() - s.start().toEpochMilli()).sorted().toList();
            String at = row + "." + side.getKey();
            assertThat(JsonPath.<List<Number>>read(report, at + ".starts")).as(at).containsExactly((int) starts);
            assertThat(JsonPath.<List<Number>>read(report, at + ".completions")).as(at).containsExactly(durations.size());
            assertThat(durations).as("the seed should give %s completions to average", at).isNotEmpty();
            long mean = Math.round(durations.stream().mapToLong(Long::longValue).sum() / (double) durations.size());
            long p90 = durations.get((int) Math.ceil(0.9 * durations.size()) - 1);
            assertThat(JsonPath.<List<Number>>read(report, at + ".meanMs").get(0).longValue()).as(at).isEqualTo(mean);
            assertThat(JsonPath.<List<Number>>read(report, at + ".p90Ms").get(0).longValue()).as(at).isEqualTo(p90);
        }
    }

    @Test
    void badInputsAreRefusedWithAProblemAndInjectionStringsMatchNothing() throws Exception {
        for (String[] bad : new String[][] {
                {"from", "2020-06-30", "to", "2020-06-01"}, {"from", "30/06/2020"}, {"to", "tomorrow"},
                {"status", "lost"}, {"size", "1000"}, {"page", "-1"}, {"sort", "sideways"}, {"size", "abc"}}) {
            var request = get("/api/monitor/instances");
            for (int i = 0; i < bad.length; i += 2) {
                request.param(bad[i], bad[i + 1]);
            }
            mvc.perform(request.with(httpBasic("linops", "demo"))).andExpect(status().isBadRequest())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .contentTypeCompatibleWith("application/problem+json"));
        }
        mvc.perform(get("/api/monitor/departments").param("from", "2020-06-30").param("to", "2020-06-01")
                .with(httpBasic("linops", "demo"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/monitor/statistics").param("month", "2020-13").with(httpBasic("linops", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/monitor/statistics/chart").param("by", "anything").with(httpBasic("linops", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/monitor/statistics/chart").param("measure", "x").with(httpBasic("linops", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/monitor/instances/no-such-instance").with(httpBasic("linops", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/monitor/instances").param("from", "2020-06-30").param("to", "2020-06-01")
                .with(user("linops").roles("OPS"))).andExpect(status().isBadRequest());
        // the refusal in the reader's language, in the problem details and on the 400 page
        for (String[] lang : new String[][] {{"zh-CN", "zh_CN", "未知的状态", "须为以下之一：[running"},
                {"en", "en", "unknown status", "one of [running"}}) {
            String problem = mvc.perform(get("/api/monitor/instances").param("status", "lost").param("lang", lang[1])
                            .header("Accept-Language", lang[0]).with(httpBasic("linops", "demo")))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(JsonPath.<String>read(problem, "$.detail")).isEqualTo(lang[2]);
            assertThat(JsonPath.<String>read(problem, "$.errors.status")).startsWith(lang[3]);
            String badPage = mvc.perform(get("/monitor/instances").param("status", "lost").param("lang", lang[1])
                            .header("Accept-Language", lang[0]).with(user("linops").roles("OPS")))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(badPage).contains(lang[2]).contains(lang[3]).doesNotContain("monitor.refused");
        }

        long before = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Long.class);
        for (String[] injection : new String[][] {{"processKey", "monitorSeedA' OR '1'='1"},
                {"initiator", "x'; DROP TABLE ACT_HI_PROCINST; --"}, {"initiator", "zhangsan' --"},
                {"department", "dept-registry') OR 1=1 --"}, {"processKey", "%"}}) {
            String page = json(get("/api/monitor/instances").param(injection[0], injection[1]), "linops");
            assertThat(((Number) JsonPath.read(page, "$.totalElements")).longValue()).as(injection[1]).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Long.class)).isEqualTo(before);
    }

    @Test
    void pagesRenderTheQueriesInBothLanguages() throws Exception {
        for (String lang : List.of("zh_CN", "en")) {
            String instances = mvc.perform(get("/monitor/instances").param("processKey", "monitorSeedA").param("lang", lang)
                            .with(user("linops").roles("OPS")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(instances).contains("Seed A").contains("instance-table").doesNotContain("??");
            String statistics = mvc.perform(get("/monitor/statistics").param("month", "2020-06").param("lang", lang)
                            .with(user("linops").roles("OPS")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(statistics).contains("data-chart-src=\"/api/monitor/statistics/chart?month=2020-06&amp;by=process&amp;measure=volume\"")
                    .contains("/js/charts.js").contains("Seed A").doesNotContain("??");
            String departments = mvc.perform(get("/monitor/departments").param("from", "2020-05-01").param("lang", lang)
                            .with(user("zhangsan").roles("BUSINESS")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(departments).contains("department-table").doesNotContain("??");
            String runLog = mvc.perform(get("/monitor/instances/" + seeds.get(0).id()).param("lang", lang)
                            .with(user("admin").roles("ADMIN")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(runLog).contains("BK-0").doesNotContain("??");
        }
    }
}
