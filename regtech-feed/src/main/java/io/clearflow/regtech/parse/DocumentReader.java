package io.clearflow.regtech.parse;

import io.clearflow.regtech.fetch.TextDecoder;
import java.net.URI;
import java.time.ZoneId;

/** Reads a fetched document of a source's kind: decodes it as declared, then feed, HTML list or JSON. */
public final class DocumentReader {

    private final XmlFeedReader xml = new XmlFeedReader();
    private final HtmlListReader html = new HtmlListReader();
    private final JsonListReader json = new JsonListReader();

    /**
     * @param kind     {@code feed}, {@code html} or {@code json}
     * @param encoding the source's configured encoding, or null to use what the document declares
     */
    public ParsedFeed read(String kind, byte[] body, String contentType, String encoding, URI base, ZoneId zone,
                           HtmlListReader.Selectors selectors) throws FeedParseException {
        if (body.length == 0) {
            throw new FeedParseException("empty document").keyed("regtech.poll.error.empty");
        }
        String text = TextDecoder.decode(body, encoding, contentType);
        return switch (kind) {
            case "html" -> html.read(text, base, zone, selectors);
            case "json" -> json.read(text, base, zone, selectors);
            default -> {
                String head = text.stripLeading();
                if (!head.startsWith("<")) {
                    throw new FeedParseException("not an XML document (it starts with '"
                            + head.substring(0, Math.min(20, head.length())).replaceAll("\\s+", " ") + "')", 1, 1)
                            .keyed("regtech.poll.error.notXml", head.substring(0, Math.min(20, head.length())).replaceAll("\\s+", " "));
                }
                yield xml.read(text, base, zone);
            }
        };
    }
}
