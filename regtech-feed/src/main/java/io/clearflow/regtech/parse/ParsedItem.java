package io.clearflow.regtech.parse;

import java.time.Instant;

/**
 * One announcement as read from a document, cleaned: title trimmed with whitespace collapsed, link
 * without whitespace and resolved (kept as written when it is no valid URL), date in UTC or null.
 */
public record ParsedItem(String title, String link, String guid, Instant publishedAt, String summary) {

    /** Whether {@link #link} is an absolute http(s) URL a page may link to. */
    public boolean linkValid() {
        return link != null && (link.startsWith("http://") || link.startsWith("https://")) && ItemText.isUri(link);
    }
}
