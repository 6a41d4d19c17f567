package io.clearflow.demand.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.demand.DemandTestApplication;
import io.clearflow.demand.api.DemandState;
import io.clearflow.demand.support.DemandSeeder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Statistics on 2,000 seeded demands in two made-up departments, checked against figures this test
 * computes itself from the generated rows (streams over the list, not SQL), and the CSV export.
 */
@SpringBootTest(classes = DemandTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemandStatisticsTest {

    static final List<String> DEPARTMENTS = List.of("dept-stat-a", "dept-stat-b");

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    List<DemandSeeder.Seeded> rows;

    @BeforeAll
    void seed() {
        rows = DemandSeeder.generate(42, 2_000, DEPARTMENTS, Instant.parse("2025-01-01T00:00:00Z"));
        DemandSeeder.insert(jdbc, rows, List.of("zhangsan", "lisi"));
    }

    JsonNode stats(String user, String... params) throws Exception {
        var request = get("/api/demands/stats").with(httpBasic(user, "demo"));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void everyFigureMatchesAnIndependentComputation() throws Exception {
        for (String department : DEPARTMENTS) {
            List<DemandSeeder.Seeded> mine = rows.stream().filter(r -> r.department().equals(department)).toList();
            List<DemandSeeder.Seeded> done = mine.stream().filter(r -> r.state() == DemandState.DONE).toList();
            JsonNode f = stats("zhouba", "department", department).get("departments").get(0);
            assertThat(f.get("department").asText()).isEqualTo(department);
            assertThat(f.get("total").asLong()).isEqualTo(mine.size());
            Map<DemandState, Long> counts = mine.stream().collect(Collectors.groupingBy(DemandSeeder.Seeded::state, Collectors.counting()));
            for (DemandState s : DemandState.values()) {
                assertThat(f.get("counts").get(s.name()).asLong()).as(s.name()).isEqualTo(counts.getOrDefault(s, 0L));
            }
            double[] leadDays = done.stream().mapToDouble(r -> r.leadSeconds() / 86_400d).sorted().toArray();
            double mean = java.util.Arrays.stream(leadDays).average().orElseThrow();
            // p90 by definition: the smallest lead time with at least 90 % of the demands at or below it
            double p90 = java.util.Arrays.stream(leadDays)
                    .filter(v -> java.util.Arrays.stream(leadDays).filter(x -> x <= v).count() >= 0.9 * leadDays.length)
                    .min().orElseThrow();
            assertThat(f.get("leadMeanDays").asDouble()).isCloseTo(mean, within(1e-9));
            assertThat(f.get("leadP90Days").asDouble()).isCloseTo(p90, within(1e-9));
            BigDecimal estimated = done.stream().map(DemandSeeder.Seeded::estimate).filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal actual = done.stream().map(DemandSeeder.Seeded::actual).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(f.get("estimatedDays").decimalValue()).isEqualByComparingTo(estimated);
            assertThat(f.get("actualDays").decimalValue()).isEqualByComparingTo(actual);
            long withDate = done.stream().filter(r -> r.expectedDate() != null).count();
            long onTime = done.stream().filter(r -> r.expectedDate() != null
                    && !r.deliveredAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().isAfter(r.expectedDate())).count();
            assertThat(f.get("onTimeRate").asDouble()).isCloseTo(onTime / (double) withDate, within(1e-12));
            long firstTime = done.stream().filter(r -> r.acceptanceRejections() == 0).count();
            assertThat(f.get("firstTimeAcceptanceRate").asDouble()).isCloseTo(firstTime / (double) done.size(), within(1e-12));

            JsonNode trend = stats("zhouba", "department", department).get("trend");
            Map<String, Long> submittedPerMonth = mine.stream().collect(Collectors.groupingBy(
                    r -> r.submittedAt().toString().substring(0, 7), Collectors.counting()));
            for (JsonNode m : trend) {
                assertThat(m.get("submitted").asLong()).as(m.get("month").asText())
                        .isEqualTo(submittedPerMonth.getOrDefault(m.get("month").asText(), 0L));
            }
            assertThat(java.util.stream.StreamSupport.stream(trend.spliterator(), false).mapToLong(m -> m.get("closed").asLong()).sum())
                    .isEqualTo(done.size());
        }
    }

    @Test
    void aMonthRangeNarrowsTheFigures() throws Exception {
        long inRange = rows.stream().filter(r -> r.department().equals("dept-stat-a"))
                .filter(r -> { String m = r.submittedAt().toString().substring(0, 7); return m.compareTo("2025-03") >= 0 && m.compareTo("2025-05") <= 0; })
                .count();
        JsonNode f = stats("zhouba", "department", "dept-stat-a", "from", "2025-03", "to", "2025-05").get("departments").get(0);
        assertThat(f.get("total").asLong()).isEqualTo(inRange);
        mvc.perform(get("/api/demands/stats").param("from", "2025-13").with(httpBasic("zhouba", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("月份格式为 yyyy-MM"))
                .andExpect(jsonPath("$.errors.from").value("yyyy-MM 格式"));
        mvc.perform(get("/api/demands/stats").param("from", "2025-13").param("lang", "en").header("Accept-Language", "en")
                        .with(httpBasic("zhouba", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("months are written yyyy-MM"))
                .andExpect(jsonPath("$.errors.from").value("yyyy-MM"));
    }

    @Test
    void businessUsersSeeOnlyTheirOwnDepartment() throws Exception {
        JsonNode f = stats("zhangsan");
        assertThat(f.get("scope").asText()).isEqualTo("dept-registry");
        assertThat(f.get("departments")).allSatisfy(d -> assertThat(d.get("department").asText()).isEqualTo("dept-registry"));
        mvc.perform(get("/api/demands/stats").param("department", "dept-stat-a").with(httpBasic("zhangsan", "demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theCsvCarriesTheSameFigures() throws Exception {
        String csv = new String(mvc.perform(get("/api/demands/stats.csv").param("department", "dept-stat-b")
                        .with(httpBasic("zhouba", "demo"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).startsWith("department_id,department,total,submitted,");
        assertThat(lines[1]).startsWith("\"dept-stat-b\",\"dept-stat-b\"," + rows.stream().filter(r -> r.department().equals("dept-stat-b")).count() + ",");
        assertThat(lines[2]).startsWith("\"ALL\",\"ALL\",");
    }
}
