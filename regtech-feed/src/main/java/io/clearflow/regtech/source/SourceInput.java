package io.clearflow.regtech.source;

import io.clearflow.engine.api.DeclaredRules;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * A source as an administrator enters it ({@code POST/PUT /api/regtech/sources}). The rules hold for the
 * normalised form (stripped, blanks as null, defaults for kind, zone and interval) and are declared here and in
 * {@link SourceInputValidator}; {@link #checked} returns that form or throws with one message per bad field.
 */
@SourceInputValidator.Rules
public record SourceInput(@NotNull(message = "required") @Size(max = 200, message = "regtech.error.name") String name,
                          @NotNull(message = "regtech.error.url") String url,
                          @Pattern(regexp = "feed|html|json", message = "regtech.error.kind") String kind,
                          @Size(max = 16, message = "regtech.error.tooLong") String jurisdiction,
                          @Size(max = 100, message = "regtech.error.tooLong") String organisation,
                          String zone, String encoding, String itemSelector, String titleSelector, String linkSelector,
                          String dateSelector, String datePattern, Boolean newsLike, Boolean enabled,
                          @Min(value = 5, message = "regtech.error.pollMinutes")
                          @Max(value = 7 * 24 * 60, message = "regtech.error.pollMinutes") Integer pollMinutes) {

    public SourceInput checked(Validator validator) {
        String k = trim(kind) == null ? "feed" : trim(kind).toLowerCase(Locale.ROOT);
        String z = trim(zone) == null ? ("CN".equalsIgnoreCase(trim(jurisdiction)) ? "Asia/Shanghai" : "UTC") : trim(zone);
        SourceInput normal = new SourceInput(trim(name), trim(url), k, trim(jurisdiction), trim(organisation), z, trim(encoding),
                trim(itemSelector), trim(titleSelector), trim(linkSelector), trim(dateSelector), trim(datePattern),
                Boolean.TRUE.equals(newsLike), Boolean.TRUE.equals(enabled), pollMinutes == null ? 60 : pollMinutes);
        DeclaredRules.check(validator, normal, "regtech.error.source");
        return new SourceInput(normal.name, normal.url, k, upper(normal.jurisdiction), normal.organisation, z, normal.encoding,
                normal.itemSelector, normal.titleSelector, normal.linkSelector, normal.dateSelector, normal.datePattern,
                normal.newsLike, normal.enabled, normal.pollMinutes);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }
}
