package io.clearflow.regtech.parse;

import java.util.List;

/** A document read whole: its title and its items in document order. */
public record ParsedFeed(String title, List<ParsedItem> items) {
}
