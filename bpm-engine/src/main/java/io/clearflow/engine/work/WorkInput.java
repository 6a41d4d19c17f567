package io.clearflow.engine.work;

import io.clearflow.engine.api.InvalidRequestException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The input rules every work operation shares: process variables, comments, reasons, paging. */
final class WorkInput {

    static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    static final int MAX_VARIABLES = 50;
    static final int MAX_STRING_VARIABLE = 255;
    static final int MAX_COMMENT = 2000;

    private WorkInput() { }

    static Map<String, Object> checkVariables(Map<String, Object> variables) {
        if (variables == null) {
            return Map.of();
        }
        if (variables.size() > MAX_VARIABLES) {
            throw new InvalidRequestException("work.variables.tooMany", Map.of(), MAX_VARIABLES);
        }
        Map<String, Object> checked = new HashMap<>();
        variables.forEach((name, value) -> {
            if (name == null || !VARIABLE_NAME.matcher(name).matches()) {
                throw new InvalidRequestException("work.variable.name", Map.of(String.valueOf(name), "work.variable.nameRule"));
            }
            // process variables carry ids and routing facts only; business data lives in module tables
            boolean ok = value == null || value instanceof Boolean || value instanceof Number
                    || (value instanceof String s && s.length() <= MAX_STRING_VARIABLE);
            if (!ok) {
                throw new InvalidRequestException("work.variable.type",
                        Map.of(name, "work.variable.typeRule"));
            }
            checked.put(name, value);
        });
        return checked;
    }

    /** An optional comment that goes with an action: at most {@link #MAX_COMMENT} characters. */
    static void checkOptionalComment(String comment) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidRequestException("task.comment.tooLong", Map.of("comment", "task.comment.tooLong"));
        }
    }

    static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_COMMENT) {
            String key = reason == null || reason.isBlank() ? "task.reason.required" : "task.reason.tooLong";
            throw new InvalidRequestException(key, Map.of("reason", key));
        }
    }

    static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new InvalidRequestException("error.page.range", Map.of("size", "error.page.sizeRange"));
        }
    }
}
