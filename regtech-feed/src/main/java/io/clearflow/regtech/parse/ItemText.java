package io.clearflow.regtech.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Cleaning of titles and links as real feeds deliver them. */
public final class ItemText {

    private ItemText() { }

    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u3000\\uFEFF]+");
    private static final Pattern PUNCT = Pattern.compile("[\\p{P}\\p{S}]+");

    /** Trimmed, every run of whitespace (including no-break and ideographic spaces) one space. */
    public static String title(String raw) {
        if (raw == null) {
            return "";
        }
        return SPACE.matcher(raw).replaceAll(" ").strip();
    }

    /**
     * The title as dedupe compares it: Unicode NFKC (full-width to half-width), lower case,
     * punctuation and symbols removed, whitespace collapsed.
     */
    public static String normalised(String title) {
        String t = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        t = PUNCT.matcher(t).replaceAll(" ");
        return SPACE.matcher(t).replaceAll(" ").strip();
    }

    /**
     * A link with every whitespace character removed (feeds wrap long links), resolved against the
     * base when relative. A link that is no valid URI is kept as written; an empty one is null.
     */
    public static String link(String raw, URI base) {
        if (raw == null) {
            return null;
        }
        String l = SPACE.matcher(raw).replaceAll("");
        if (l.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(l);
            if (!uri.isAbsolute() && base != null) {
                return base.resolve(uri).toString();
            }
            return uri.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return l;
        }
    }

    static boolean isUri(String s) {
        try {
            URI u = new URI(s);
            return u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Plain text of a summary: tags removed, whitespace collapsed, at most {@code max} characters. */
    public static String summary(String html, int max) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String text = title(org.jsoup.Jsoup.parse(html).text());
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
