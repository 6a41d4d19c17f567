package io.clearflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.ClearFlowApplication;
import io.clearflow.engine.support.EmbeddedPostgresSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole platform on its production profile against a real PostgreSQL: no demo organisation,
 * the first administrator from configuration (password stored as a bcrypt hash), every module's
 * migrations applied, and the reference process running end to end over the REST API.
 */
@SpringBootTest(classes = ClearFlowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"clearflow.identity.admin-password=first-admin-secret", "flowable.async-executor-activate=false",
                "clearflow.data-dir=target/data-postgres"})
@ActiveProfiles("postgres")
class PostgresProfileTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
    }

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;

    @Test
    void productionStartsWithoutDemoDataAndWithTheConfiguredAdministrator() {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForList("SELECT ID_ FROM ACT_ID_USER", String.class)).containsExactly("admin");
        assertThat(jdbc.queryForObject("SELECT PWD_ FROM ACT_ID_USER WHERE ID_ = 'admin'", String.class))
                .startsWith("{bcrypt}");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_engine WHERE success", Integer.class)).isPositive();

        assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/api/me", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        var me = rest.withBasicAuth("admin", "first-admin-secret").getForEntity("/api/me", Map.class);
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody()).containsEntry("department", "dept-it");
    }

    @Test
    void theReferenceProcessRunsOnPostgres() {
        var admin = rest.withBasicAuth("admin", "first-admin-secret");
        assertThat(admin.postForEntity("/api/admin/users", Map.of("userId", "pg.requester", "displayName", "申请人",
                "department", "dept-it", "roles", java.util.List.of("role-business"), "password", "requester-pass"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var requester = rest.withBasicAuth("pg.requester", "requester-pass");
        var created = requester.postForEntity("/api/approvals",
                Map.of("title", "PostgreSQL", "amount", 1, "reason", "profile check"), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = (String) created.getBody().get("caseId");
        // the department review waits in dept-it's inbox, which the administrator is a member of
        var inbox = admin.getForEntity("/api/tasks", java.util.List.class);
        assertThat(inbox.getBody().toString()).contains(caseId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_event_log WHERE case_id = ?", Integer.class, caseId))
                .isGreaterThanOrEqualTo(4);
    }
}
