package io.clearflow.ops;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression (as written in a Grafana panel) reads. Not a full PromQL
 * parser: it removes everything that is not a metric name (strings, label matchers, ranges,
 * grouping label lists, Grafana variables, numbers, keywords, function calls) and keeps the
 * identifiers that remain. That is enough for dashboard queries and errs towards reporting a
 * name, so a typo never slips through as "not a metric".
 */
final class PromQlMetricNames {

    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|`[^`]*`");
    // Grafana template variables: $var, ${var}, ${var:format}, [[var]]
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+|\\[\\[\\w+]]");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{([^}]*)}");
    // a metric selected by name inside the matchers: {__name__="x"}
    private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*=\\s*\"([a-zA-Z_:][a-zA-Z0-9_:]*)\"");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern MODIFIER = Pattern.compile("\\boffset\\s+-?\\w+|@\\s*[\\w.]+");
    private static final Pattern NUMBER = Pattern.compile("(?<![a-zA-Z0-9_:.])(0x[0-9a-fA-F]+|\\d+(\\.\\d*)?([eE][+-]?\\d+)?|\\.\\d+)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_VALUES = Pattern.compile(
            "\\s*label_values\\(\\s*(?:(.+?)\\s*,)?\\s*[a-zA-Z_]\\w*\\s*\\)\\s*", Pattern.DOTALL);
    private static final Pattern LABEL_NAMES = Pattern.compile("\\s*label_names\\(.*\\)\\s*", Pattern.DOTALL);
    private static final Pattern QUERY_RESULT = Pattern.compile("\\s*query_result\\((.*)\\)\\s*", Pattern.DOTALL);
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "by", "without", "on",
            "ignoring", "group_left", "group_right", "offset", "inf", "nan");

    private PromQlMetricNames() {
    }

    static Set<String> in(String expression) {
        Set<String> names = new LinkedHashSet<>();
        Matcher named = NAME_MATCHER.matcher(expression);
        while (named.find()) {
            names.add(named.group(1));
        }
        // strings first: they may contain anything, including braces and variables
        String rest = STRING.matcher(expression).replaceAll(" ");
        rest = GRAFANA_VARIABLE.matcher(rest).replaceAll(" ");
        rest = LABEL_MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGE.matcher(rest).replaceAll(" ");
        rest = LABEL_LIST.matcher(rest).replaceAll(" ");
        rest = MODIFIER.matcher(rest).replaceAll(" ");
        rest = NUMBER.matcher(rest).replaceAll(" ");
        Matcher identifier = IDENTIFIER.matcher(rest);
        while (identifier.find()) {
            String token = identifier.group();
            if (!KEYWORDS.contains(token.toLowerCase()) && !isCall(rest, identifier.end())) {
                names.add(token);
            }
        }
        return names;
    }

    /**
     * The metric names a Grafana template-variable query reads: {@code label_values(metric, label)}
     * reads the metric (not the label), {@code label_values(label)} and {@code label_names()} no
     * metric, {@code query_result(expr)} whatever the expression reads.
     */
    static Set<String> inVariableQuery(String query) {
        Matcher labelValues = LABEL_VALUES.matcher(query);
        if (labelValues.matches()) {
            return labelValues.group(1) == null ? Set.of() : in(labelValues.group(1));
        }
        if (LABEL_NAMES.matcher(query).matches()) {
            return Set.of();
        }
        Matcher queryResult = QUERY_RESULT.matcher(query);
        return queryResult.matches() ? in(queryResult.group(1)) : in(query);
    }

    /** Function and aggregation names are followed by their argument list. */
    private static boolean isCall(String text, int end) {
        int i = end;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '(';
    }
}
