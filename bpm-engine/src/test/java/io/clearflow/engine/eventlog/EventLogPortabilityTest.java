package io.clearflow.engine.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.eventlog.PortabilityScenario.Outcome;
import io.clearflow.engine.eventlog.PortabilityScenario.Row;
import io.clearflow.engine.support.EmbeddedPostgresSupport;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContextManager;

/**
 * The same scenario on H2 (what developers and the embedded install run) and on PostgreSQL (what
 * production runs) must leave the same event log, and the event-log queries must answer the same.
 *
 * <p>Both Spring contexts are needed side by side to compare them, so they are taken from Spring's
 * test context cache by their configuration classes below: the H2 one is the very context the other
 * engine tests use, the PostgreSQL one differs only in its data source.
 */
class EventLogPortabilityTest {

    @SpringBootTest(classes = EngineTestApplication.class)
    @ActiveProfiles("test")
    static class OnH2 {
    }

    @SpringBootTest(classes = EngineTestApplication.class)
    @ActiveProfiles("test")
    static class OnPostgres {
        @DynamicPropertySource
        static void postgres(DynamicPropertyRegistry registry) {
            EmbeddedPostgresSupport.register(registry);
        }
    }

    static ApplicationContext h2Context;
    static ApplicationContext postgresContext;
    static Outcome h2;
    static Outcome postgres;

    @BeforeAll
    static void runTheScenarioOnBothDatabases() throws Exception {
        h2Context = contextOf(OnH2.class);
        postgresContext = contextOf(OnPostgres.class);
        h2 = PortabilityScenario.runOn(h2Context);
        postgres = PortabilityScenario.runOn(postgresContext);
    }

    private static ApplicationContext contextOf(Class<?> configuration) throws Exception {
        return new TestContextManager(configuration).getTestContext().getApplicationContext();
    }

    @Test
    void theContextsRunOnTheDatabasesTheyClaim() {
        assertThat(product(h2Context)).isEqualTo("H2");
        assertThat(product(postgresContext)).isEqualTo("PostgreSQL");
    }

    @Test
    void flywayCreatedTheEngineTablesOnPostgres() {
        JdbcTemplate jdbc = postgresContext.getBean(JdbcTemplate.class);

        assertThat(jdbc.queryForList("SELECT version, description, success FROM flyway_engine WHERE version IS NOT NULL "
                + "ORDER BY installed_rank"))
                .extracting(r -> r.get("version"), r -> r.get("description"), r -> r.get("success"))
                .containsExactly(tuple("1", "event log identity", true), tuple("2", "security audit", true),
                        tuple("3", "idempotency keys", true));
        assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_name LIKE 'cf\\_%'", String.class))
                // the engine's own tables; other features add theirs beside them
                .contains("cf_event_log", "cf_outbox_cursor", "cf_api_token", "cf_approval_request", "cf_audit_event",
                        "cf_idempotency_key");
        assertThat(jdbc.queryForObject("SELECT data_type FROM information_schema.columns "
                + "WHERE table_name = 'cf_event_log' AND column_name = 'occurred_at'", String.class))
                .isEqualTo("timestamp with time zone");
    }

    @Test
    void theEventLogIsTheSameOnBothDatabases() {
        assertThat(postgres.log()).hasSize(h2.log().size());
        for (int i = 0; i < h2.log().size(); i++) {
            assertThat(postgres.log().get(i)).as("row %d", i).isEqualTo(h2.log().get(i));
        }
    }

    @Test
    void theLogHasEveryPathOfTheScenario() {
        assertThat(h2.log()).extracting(Row::caseNo).containsOnly(1, 2, 3);
        assertThat(lifecycles(h2, 1)).endsWith("activity approved start", "activity approved complete", "process complete");
        assertThat(lifecycles(h2, 2))
                .doesNotContain("task complianceReview schedule")
                .endsWith("task departmentReview complete", "activity departmentDecision start",
                        "activity departmentDecision complete", "activity rejected start", "activity rejected complete",
                        "process complete");
        assertThat(h2.log()).filteredOn(r -> r.caseNo() == 3 && "departmentReview".equals(r.activityId()))
                .extracting(Row::lifecycle, Row::resource, r -> r.attributes().keySet())
                .containsExactly(
                        tuple("schedule", null, Set.of()),
                        tuple("assign", "zhangsan", Set.of("waitingMs")),
                        tuple("unassign", "zhangsan", Set.of("waitingMs")),
                        tuple("assign", "lisi", Set.of("waitingMs")),
                        tuple("complete", "lisi", Set.of("handlingMs")));
        assertThat(lifecycles(h2, 3)).endsWith("activity rejected start", "activity rejected complete", "process complete");
    }

    @Test
    void waitingAndHandlingTimesFollowTheEngineClock() {
        for (Outcome outcome : List.of(h2, postgres)) {
            assertThat(outcome.log()).filteredOn(r -> "task".equals(r.scope()))
                    .allSatisfy(r -> {
                        switch (r.lifecycle()) {
                            case "assign", "unassign" -> assertThat(r.attributes()).containsKey("waitingMs");
                            case "complete" -> assertThat(r.attributes()).containsKey("handlingMs");
                            default -> assertThat(r.attributes()).isEmpty();
                        }
                    });
            // case 3: arrived at step 7, taken by lisi at step 10 and decided at step 11
            assertThat(outcome.log()).filteredOn(r -> r.caseNo() == 3 && "departmentReview".equals(r.activityId())
                            && "lisi".equals(r.resource()))
                    .extracting(Row::attributes)
                    .containsExactly(Map.of("waitingMs", minutes(3)), Map.of("handlingMs", minutes(1)));
        }
    }

    @Test
    void rowIdsEventIdsAndTimesAreInLogOrder() {
        for (Outcome outcome : List.of(h2, postgres)) {
            List<PlatformEvent> events = outcome.events();
            assertThat(events).extracting(PlatformEvent::id).isSorted().doesNotHaveDuplicates();
            assertThat(events).extracting(PlatformEvent::occurredAt).isSortedAccordingTo(Comparator.naturalOrder());
            assertThat(events).extracting(PlatformEvent::eventId).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));
            assertThat(events).extracting(PlatformEvent::processDefinitionId)
                    .allSatisfy(id -> assertThat(id).startsWith("referenceApproval:1:"));
            assertThat(events.get(0).occurredAt()).isEqualTo(PortabilityScenario.at(1));
            assertThat(events.get(events.size() - 1).occurredAt()).isEqualTo(PortabilityScenario.at(PortabilityScenario.STEPS));
        }
    }

    @Test
    void theQueriesAnswerTheSameOnBothDatabases() {
        assertThat(postgres.filtered()).isEqualTo(h2.filtered());
        assertThat(postgres.counted()).isEqualTo(h2.counted());
    }

    @Test
    void theQueriesSelectExactlyTheMatchingRows() {
        for (Outcome outcome : List.of(h2, postgres)) {
            PortabilityScenario.FILTERS.forEach((name, filter) -> {
                List<Row> expected = outcome.log().stream().filter(PortabilityScenario.matching(filter)).toList();
                assertThat(outcome.filtered().get(name)).as(name).isNotEmpty().isEqualTo(expected);
                assertThat(outcome.counted().get(name)).as(name).isEqualTo(expected.size());
            });
            assertThat(outcome.filtered().get("lifecycle")).singleElement()
                    .extracting(Row::caseNo, Row::activityId, Row::resource)
                    .containsExactly(3, "departmentReview", "zhangsan");
            // both edges of the time range fall on rows: 'from' is inclusive, 'to' exclusive
            assertThat(outcome.filtered().get("time range")).extracting(Row::sinceT0)
                    .contains(Duration.ofMinutes(4)).doesNotContain(Duration.ofMinutes(9));
            assertThat(outcome.log()).extracting(Row::sinceT0).contains(Duration.ofMinutes(9));
        }
    }

    private static List<String> lifecycles(Outcome outcome, int caseNo) {
        return outcome.log().stream().filter(r -> r.caseNo() == caseNo)
                .map(r -> Stream.of(r.scope(), r.activityId(), r.lifecycle()).filter(s -> s != null)
                        .reduce((a, b) -> a + " " + b).orElseThrow())
                .toList();
    }

    private static String minutes(int minutes) {
        return String.valueOf(Duration.ofMinutes(minutes).toMillis());
    }

    private static String product(ApplicationContext context) {
        ConnectionCallback<String> product = c -> c.getMetaData().getDatabaseProductName();
        return context.getBean(JdbcTemplate.class).execute(product);
    }
}
