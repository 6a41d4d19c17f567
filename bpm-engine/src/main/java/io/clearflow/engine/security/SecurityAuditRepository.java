package io.clearflow.engine.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The security audit in table {@code cf_audit_event}, behind Boot's {@link AuditEventRepository} so that
 * {@code /actuator/auditevents} serves it. Only the kinds in {@link #KEPT} are stored: Boot also reports every
 * successful sign-in, which on the API is every request, and a write per request is not worth it.
 */
@Repository
class SecurityAuditRepository implements AuditEventRepository {

    static final String LOGIN_LOCKED = "LOGIN_LOCKED";
    static final String ADDRESS_LOCKED = "ADDRESS_LOCKED";
    static final Set<String> KEPT = Set.of(LOGIN_LOCKED, ADDRESS_LOCKED);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    SecurityAuditRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void add(AuditEvent event) {
        if (!KEPT.contains(event.getType())) {
            return;
        }
        try {
            jdbc.update("INSERT INTO cf_audit_event (principal, type, occurred_at, data) VALUES (?,?,?,?)",
                    event.getPrincipal(), event.getType(), Timestamp.from(event.getTimestamp()),
                    json.writeValueAsString(event.getData()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<AuditEvent> find(String principal, Instant after, String type) {
        StringBuilder sql = new StringBuilder("SELECT * FROM cf_audit_event WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (principal != null) {
            sql.append(" AND principal = ?");
            args.add(principal);
        }
        if (after != null) {
            sql.append(" AND occurred_at > ?");
            args.add(Timestamp.from(after));
        }
        if (type != null) {
            sql.append(" AND type = ?");
            args.add(type);
        }
        sql.append(" ORDER BY id DESC LIMIT 1000");
        return jdbc.query(sql.toString(), (rs, i) -> new AuditEvent(rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("principal"), rs.getString("type"), read(rs.getString("data"))), args.toArray());
    }

    private Map<String, Object> read(String data) {
        try {
            return data == null ? Map.of() : json.readValue(data, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", data);
        }
    }
}
