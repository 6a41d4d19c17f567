package io.clearflow.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Grafana does to a panel's query before it sends it, done here so the query can be sent to a real
 * Prometheus or PostgreSQL without Grafana: template variables replaced by values, Grafana's own variables
 * ({@code $__rate_interval}, {@code $__range}, {@code $__interval}) by durations, and the PostgreSQL macros
 * ({@code $__timeFilter(col)}, {@code $__timeFrom()}, {@code $__timeTo()}) expanded as Grafana's PostgreSQL
 * datasource expands them.
 */
final class PanelQueries {

    // $var, ${var}, ${var:format}, [[var]] (Grafana's built-ins start with $__ and are replaced first)
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::(\\w+))?}|\\$(\\w+)|\\[\\[(\\w+)]]");
    private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\(([^)]+)\\)");
    private static final Pattern COMPARISON = Pattern.compile("(==|!=|>=|<=|>(?!=)|<(?!=))(?!\\s*bool\\b)");

    private PanelQueries() {
    }

    /** A time range, as the dashboard's time picker gives it; Grafana's SQL macros quote it in RFC 3339. */
    record Range(Instant from, Instant to) {
        static Range lastDays(int days) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            return new Range(now.minus(Duration.ofDays(days)), now.plus(Duration.ofHours(1)));
        }
    }

    /** A PromQL query as Grafana sends it, with the rate interval and range fitting a short test scrape. */
    static String promQl(String expression, Map<String, String> variables) {
        String expr = expression.replace("$__rate_interval", "1m").replace("${__rate_interval}", "1m")
                .replace("$__range", "5m").replace("${__range}", "5m")
                .replace("$__interval", "15s").replace("${__interval}", "15s");
        return variables(expr, variables, Set.of());
    }

    /**
     * An SQL query as Grafana's PostgreSQL datasource runs it. Like Grafana's SQL datasources, a variable that is
     * multi-valued or has "All" ({@code quoted}) is put in as a quoted literal ({@code 'dept-it'}, {@code '%'}); an
     * explicit format such as {@code ${bot:regex}} puts the value in as it is.
     */
    static String sql(String rawSql, Map<String, String> variables, Set<String> quoted, Range range) {
        String from = "'" + range.from() + "'";
        String to = "'" + range.to() + "'";
        String sql = TIME_FILTER.matcher(rawSql).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1).trim() + " BETWEEN " + from + " AND " + to));
        sql = sql.replace("$__timeFrom()", from).replace("$__timeTo()", to)
                .replace("$__interval_ms", "3600000").replace("$__interval", "'1h'");
        return variables(sql, variables, quoted);
    }

    private static String variables(String text, Map<String, String> values, Set<String> quoted) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : m.group(4);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for variable $" + name + " in: " + text);
            }
            if (m.group(2) == null && quoted.contains(name)) {
                value = "'" + value.replace("'", "''") + "'";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The expression with every comparison made a {@code bool} comparison, so it keeps every series of its
     * operands (valued 0 or 1) instead of filtering them: an alert that is not firing, or a panel's {@code > 0}
     * that hides zeros, still shows whether the series it watches exist. Comparisons inside label matchers
     * ({@code {uri!="/x"}}), strings and ranges are left alone.
     */
    static String keepingEverySeries(String expression) {
        StringBuilder out = new StringBuilder();
        int braces = 0;
        int brackets = 0;
        char quote = 0;
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < expression.length()) {
                    out.append(expression.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                i++;
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '{') {
                braces++;
            } else if (c == '}') {
                braces--;
            } else if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets--;
            } else if (braces == 0 && brackets == 0) {
                Matcher m = COMPARISON.matcher(expression).region(i, expression.length());
                if (m.lookingAt()) {
                    out.append(m.group(1)).append(" bool");
                    i += m.group(1).length();
                    if (i < expression.length() && !Character.isWhitespace(expression.charAt(i))) {
                        out.append(' ');
                    }
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
