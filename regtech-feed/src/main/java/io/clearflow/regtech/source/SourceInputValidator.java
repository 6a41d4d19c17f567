package io.clearflow.regtech.source;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.jsoup.select.QueryParser;

/**
 * The rules of a normalised {@link SourceInput} that need more than an annotation: an http(s) address with a
 * host, a known zone and encoding, and the selectors the kind needs (CSS for an HTML list page, a JSON pointer
 * for JSON) and a valid date pattern. Each refusal is reported on its field with a bundle key.
 */
public class SourceInputValidator implements ConstraintValidator<SourceInputValidator.Rules, SourceInput> {

    @Constraint(validatedBy = SourceInputValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Rules {
        String message() default "the source has invalid fields";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @Override
    public boolean isValid(SourceInput s, ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        if (s.url() != null && !httpAddress(s.url())) {
            valid = refuse(context, "url", "regtech.error.url");
        }
        try {
            ZoneId.of(s.zone());
        } catch (DateTimeException e) {
            valid = refuse(context, "zone", "regtech.error.zone");
        }
        if (s.encoding() != null && !Charset.isSupported(s.encoding())) {
            valid = refuse(context, "encoding", "regtech.error.encoding");
        }
        if (s.kind().equals("html")) {
            if (s.itemSelector() == null) {
                valid = refuse(context, "itemSelector", "regtech.error.itemSelector");
            }
            for (var e : Map.of("itemSelector", opt(s.itemSelector()), "titleSelector", opt(s.titleSelector()),
                    "linkSelector", opt(s.linkSelector()), "dateSelector", opt(s.dateSelector())).entrySet()) {
                if (!e.getValue().isEmpty() && !selector(e.getValue())) {
                    valid = refuse(context, e.getKey(), "regtech.error.selector");
                }
            }
        }
        if (s.kind().equals("json") && s.itemSelector() != null && !s.itemSelector().startsWith("/")) {
            valid = refuse(context, "itemSelector", "regtech.error.jsonPointer");
        }
        if (s.datePattern() != null && !datePattern(s.datePattern())) {
            valid = refuse(context, "datePattern", "regtech.error.datePattern");
        }
        return valid;
    }

    private static boolean httpAddress(String url) {
        if (url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean selector(String css) {
        try {
            QueryParser.parse(css);
            return true;
        } catch (RuntimeException e) { // jsoup throws Selector.SelectorParseException
            return false;
        }
    }

    private static boolean datePattern(String pattern) {
        try {
            DateTimeFormatter.ofPattern(pattern);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String opt(String s) {
        return s == null ? "" : s;
    }

    private static boolean refuse(ConstraintValidatorContext context, String field, String key) {
        context.buildConstraintViolationWithTemplate(key).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
