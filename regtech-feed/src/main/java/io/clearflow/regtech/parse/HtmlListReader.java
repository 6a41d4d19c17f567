package io.clearflow.regtech.parse;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * List pages of regulators without a feed (CSRC, PBoC, SSE, SZSE, CSDC) through jsoup with the
 * source's selectors: one element per announcement, its title, link and date inside it. Truncated
 * titles ("…") are replaced by the link's {@code title} attribute when that holds the full text.
 */
public final class HtmlListReader {

    public record Selectors(String item, String title, String link, String date, String datePattern) { }

    public ParsedFeed read(String html, URI base, ZoneId zone, Selectors s) throws FeedParseException {
        if (s.item() == null) {
            throw new FeedParseException("an HTML source needs an item selector").keyed("regtech.poll.error.noSelector");
        }
        Document doc = Jsoup.parse(html, base == null ? "" : base.toString());
        Elements entries;
        try {
            entries = doc.select(s.item());
        } catch (RuntimeException e) {
            throw new FeedParseException("item selector is not valid: " + e.getMessage()).keyed("regtech.poll.error.badSelector", e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new FeedParseException("the item selector '" + s.item() + "' matches nothing on the page (has the page changed?)")
                    .keyed("regtech.poll.error.nothingMatches", s.item());
        }
        List<ParsedItem> items = new ArrayList<>();
        for (Element entry : entries) {
            Element linkEl = first(entry, s.link(), "a[href]");
            Element titleEl = first(entry, s.title(), "a");
            String title = titleEl == null ? ItemText.title(entry.ownText()) : ItemText.title(titleEl.text());
            if (titleEl != null) {
                String full = ItemText.title(titleEl.attr("title"));
                String stem = title.replaceAll("(…|\\.\\.\\.)$", "");
                boolean truncated = !stem.equals(title) || title.isEmpty();
                // the visible text is cut ("…"); the title attribute holds the whole title (same length or longer)
                if (truncated && !full.isEmpty() && full.startsWith(stem)) {
                    title = full;
                }
            }
            if (title.isEmpty()) {
                continue;
            }
            String href = linkEl == null ? null : linkEl.attr("href");
            String link = href == null || href.isBlank() ? null : ItemText.link(href, base);
            String dateText = null;
            if (s.date() != null) {
                Element dateEl = entry.selectFirst(s.date());
                dateText = dateEl == null ? null : dateEl.text();
            }
            if (dateText == null) {
                dateText = entry.ownText();
            }
            items.add(new ParsedItem(title, link, null, DateReader.read(dateText.replaceAll("[\\[\\]()（）]", " "), zone, s.datePattern()), null));
        }
        return new ParsedFeed(ItemText.title(doc.title()), items);
    }

    private static Element first(Element entry, String selector, String fallback) {
        if (selector == null || selector.isBlank()) {
            return entry.is(fallback) ? entry : entry.selectFirst(fallback);
        }
        return entry.is(selector) ? entry : entry.selectFirst(selector);
    }
}
