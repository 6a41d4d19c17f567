package io.clearflow.engine.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A form definition as pages and the browser's validation read it: labels and error texts already
 * in the reader's language, constraints exactly as the server checks them.
 */
public record FormView(String key, String title, List<Field> fields, Map<String, String> messages,
                       String numberPattern, String datePattern) {

    public record Field(String key, String label, String type, boolean required, String pattern, String patternMessage,
                        BigDecimal min, BigDecimal max, BigDecimal step, Integer maxLength, List<Choice> options,
                        boolean variable) { }

    public record Choice(String value, String label) { }
}
