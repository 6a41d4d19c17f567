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
 * @param errorKey   for an error: the bundle key ({@code regtech.poll.error.*}) pages show in the reader's language
 * @param errorArgs  its arguments
 */
public record PollResult(String status, int added, int duplicates, int clustered, String message, List<ParsedItem> preview,
                         String errorKey, List<String> errorArgs) {

    public PollResult(String status, int added, int duplicates, int clustered, String message, List<ParsedItem> preview) {
        this(status, added, duplicates, clustered, message, preview, null, List.of());
    }

    public static PollResult error(String message) {
        return error(message, null, new Object[0]);
    }

    public static PollResult error(String message, String key, Object[] args) {
        return new PollResult("error", 0, 0, 0, message, List.of(), key,
                java.util.Arrays.stream(args == null ? new Object[0] : args).map(String::valueOf).toList());
    }
}
