package io.clearflow.demand.support;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Rollup rows made comparable: lower-case keys, numbers by value (H2 and PostgreSQL type SUMs differently). */
public final class RollupRows {

    private RollupRows() {
    }

    public static List<Map<String, Object>> normalised(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> out = new LinkedHashMap<>();
            row.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v instanceof Number n
                    ? new BigDecimal(n.toString()).stripTrailingZeros() : v == null ? null : v.toString().trim()));
            return out;
        }).toList();
    }
}
