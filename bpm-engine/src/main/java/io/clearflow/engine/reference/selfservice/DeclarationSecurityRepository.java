package io.clearflow.engine.reference.selfservice;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code cf_declaration_security}: the securities open for declarations. */
@Repository
class DeclarationSecurityRepository {

    private final JdbcTemplate jdbc;

    DeclarationSecurityRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** By code. */
    List<DeclarationRules.Security> all() {
        return jdbc.query("SELECT * FROM cf_declaration_security ORDER BY security_code", (rs, i) -> new DeclarationRules.Security(
                rs.getString("security_code"), rs.getString("security_name"), rs.getDate("window_start").toLocalDate(),
                rs.getDate("window_end").toLocalDate()));
    }
}
