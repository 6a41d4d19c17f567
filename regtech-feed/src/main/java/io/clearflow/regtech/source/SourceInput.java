package io.clearflow.regtech.source;

import io.clearflow.engine.api.InvalidRequestException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.select.QueryParser;

/**
 * A source as an administrator enters it ({@code POST/PUT /api/regtech/sources}). {@link #checked()}
 * returns it normalised or throws with one message per bad field.
 */
public record SourceInput(String name, String url, String kind, String jurisdiction, String organisation, String zone,
                          String encoding, String itemSelector, String titleSelector, String linkSelector,
                          String dateSelector, String datePattern, Boolean newsLike, Boolean enabled, Integer pollMinutes) {

    static final Set<String> KINDS = Set.of("feed", "html", "json");

    public SourceInput checked() {
        Map<String, String> errors = new LinkedHashMap<>();
        String n = trim(name);
        if (n == null) {
            errors.put("name", "required");
        } else if (n.length() > 200) {
            errors.put("name", "regtech.error.name");
        }
        String u = trim(url);
        if (u == null) {
            errors.put("url", "regtech.error.url");
        } else if (u.length() > 2000) {
            errors.put("url", "regtech.error.url");
        } else {
            try {
                URI uri = new URI(u);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    errors.put("url", "regtech.error.url");
                }
            } catch (java.net.URISyntaxException e) {
                errors.put("url", "regtech.error.url");
            }
        }
        String k = trim(kind) == null ? "feed" : trim(kind).toLowerCase(Locale.ROOT);
        if (!KINDS.contains(k)) {
            errors.put("kind", "regtech.error.kind");
        }
        String z = trim(zone) == null ? ("CN".equalsIgnoreCase(trim(jurisdiction)) ? "Asia/Shanghai" : "UTC") : trim(zone);
        try {
            ZoneId.of(z);
        } catch (DateTimeException e) {
            errors.put("zone", "regtech.error.zone");
        }
        String enc = trim(encoding);
        if (enc != null && !java.nio.charset.Charset.isSupported(enc)) {
            errors.put("encoding", "regtech.error.encoding");
        }
        String item = trim(itemSelector);
        if (k.equals("html")) {
            if (item == null) {
                errors.put("itemSelector", "regtech.error.itemSelector");
            }
            for (var e : Map.of("itemSelector", opt(item), "titleSelector", opt(trim(titleSelector)),
                    "linkSelector", opt(trim(linkSelector)), "dateSelector", opt(trim(dateSelector))).entrySet()) {
                if (!e.getValue().isEmpty()) {
                    try {
                        QueryParser.parse(e.getValue());
                    } catch (RuntimeException ex) { // jsoup throws Selector.SelectorParseException
                        errors.put(e.getKey(), "regtech.error.selector");
                    }
                }
            }
        }
        if (k.equals("json") && item != null && !item.startsWith("/")) {
            errors.put("itemSelector", "regtech.error.jsonPointer");
        }
        String pattern = trim(datePattern);
        if (pattern != null) {
            try {
                DateTimeFormatter.ofPattern(pattern);
            } catch (IllegalArgumentException e) {
                errors.put("datePattern", "regtech.error.datePattern");
            }
        }
        int minutes = pollMinutes == null ? 60 : pollMinutes;
        if (minutes < 5 || minutes > 7 * 24 * 60) {
            errors.put("pollMinutes", "regtech.error.pollMinutes");
        }
        for (var e : Map.of("jurisdiction", opt(trim(jurisdiction)), "organisation", opt(trim(organisation))).entrySet()) {
            if (e.getValue().length() > (e.getKey().equals("jurisdiction") ? 16 : 100)) {
                errors.put(e.getKey(), "regtech.error.tooLong");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("the source has invalid fields", errors);
        }
        return new SourceInput(n, u, k, upper(trim(jurisdiction)), trim(organisation), z, enc, item, trim(titleSelector),
                trim(linkSelector), trim(dateSelector), pattern, Boolean.TRUE.equals(newsLike), Boolean.TRUE.equals(enabled), minutes);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String opt(String s) {
        return s == null ? "" : s;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }
}
