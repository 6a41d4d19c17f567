package io.clearflow.regtech.poll;

import io.clearflow.regtech.parse.ParsedItem;
import java.util.List;

/**
 * The outcome of polling one source.
 *
 * @param status     {@code ok} or {@code error}
 * @param added      new announcements in the tracker
 * @param duplicates items this source had already delivered (or delivered twice in one document)
 * @param clustered  items already in the tracker from another source, linked to this one
 * @param message    what happened, e.g. the parse error with line and column
 * @param preview    for a test fetch: the items that would be added; empty otherwise
 */
public record PollResult(String status, int added, int duplicates, int clustered, String message, List<ParsedItem> preview) {

    public static PollResult error(String message) {
        return new PollResult("error", 0, 0, 0, message, List.of());
    }
}
