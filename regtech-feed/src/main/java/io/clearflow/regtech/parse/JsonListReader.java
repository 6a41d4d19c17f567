package io.clearflow.regtech.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON endpoints: the entry array at a JSON pointer (default: the document itself, or its first
 * array field among {@code items}, {@code data}, {@code list}, {@code results}), with field names
 * for title, link and date (defaults: title, url|link, date|publishedAt|pubDate; id as GUID).
 */
public final class JsonListReader {

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).maxStringLength(1_000_000).build()).build());

    public ParsedFeed read(String text, URI base, ZoneId zone, HtmlListReader.Selectors s) throws FeedParseException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new FeedParseException("not valid JSON: " + e.getOriginalMessage(),
                    loc == null ? null : loc.getLineNr(), loc == null ? null : loc.getColumnNr())
                    .keyed("regtech.poll.error.badJson", loc == null ? 0 : Math.max(0, loc.getLineNr()), loc == null ? 0 : Math.max(0, loc.getColumnNr()),
                            e.getOriginalMessage());
        }
        if (root == null) {
            throw new FeedParseException("empty document").keyed("regtech.poll.error.empty");
        }
        JsonNode array = s.item() != null ? root.at(s.item()) : root;
        if (!array.isArray()) {
            for (String f : List.of("items", "data", "list", "results")) {
                if (array.path(f).isArray()) {
                    array = array.path(f);
                    break;
                }
            }
        }
        if (!array.isArray()) {
            throw new FeedParseException("no array of entries at " + (s.item() == null ? "the top level" : s.item()))
                    .keyed("regtech.poll.error.noArray", s.item() == null ? "/" : s.item());
        }
        List<ParsedItem> items = new ArrayList<>();
        for (JsonNode n : array) {
            String title = ItemText.title(field(n, s.title(), "title", "name"));
            if (title.isEmpty()) {
                continue;
            }
            String link = ItemText.link(field(n, s.link(), "url", "link"), base);
            String date = field(n, s.date(), "date", "publishedAt", "pubDate", "published");
            String guid = field(n, null, "id", "guid");
            items.add(new ParsedItem(title, link, guid, DateReader.read(date, zone, s.datePattern()),
                    ItemText.summary(field(n, null, "summary", "description"), 2000)));
        }
        return new ParsedFeed(null, items);
    }

    private static String field(JsonNode n, String configured, String... defaults) {
        if (configured != null) {
            JsonNode v = n.path(configured);
            return v.isValueNode() ? v.asText() : null;
        }
        for (String d : defaults) {
            JsonNode v = n.path(d);
            if (v.isValueNode() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }
}
