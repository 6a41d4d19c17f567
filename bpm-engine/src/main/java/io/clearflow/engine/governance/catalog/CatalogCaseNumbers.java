package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.forms.BusinessNumbers;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Business numbers of catalog cases: the first three letters of the process key, the year and a
 * six-digit running number shared by all catalog processes ({@code EXP-2026-000123}).
 */
@Component
class CatalogCaseNumbers implements BusinessNumbers {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CatalogCaseNumbers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String next(ProcessDefinition definition) {
        var now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO gov_case_number (process_key, created_at) VALUES (?, ?)",
                    new String[] {"id"});
            ps.setString(1, definition.getKey());
            ps.setTimestamp(2, Timestamp.from(now));
            return ps;
        }, keys);
        return String.format(Locale.ROOT, "%s-%d-%06d", prefix(definition.getKey()), now.atZone(ZoneOffset.UTC).getYear(),
                keys.getKey().longValue());
    }

    /** The first three letters of the key, upper case ({@code expenseClaim} → {@code EXP}); {@code CASE} without letters. */
    static String prefix(String processKey) {
        String letters = processKey == null ? "" : processKey.replaceAll("[^A-Za-z]", "");
        return letters.isEmpty() ? "CASE" : letters.substring(0, Math.min(3, letters.length())).toUpperCase(Locale.ROOT);
    }
}
