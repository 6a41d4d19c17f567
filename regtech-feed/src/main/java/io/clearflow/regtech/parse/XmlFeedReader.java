package io.clearflow.regtech.parse;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.InputSource;

/**
 * RSS 0.9x/1.0/2.0 and Atom through Rome. The XML is parsed first by a hardened JDOM builder
 * (document type declarations refused outright, so no external entity and no entity expansion can
 * happen, and nothing local can be echoed), the whole document or nothing: an ill-formed document
 * fails with its line and column. Rome then maps the document; dates are read again from the raw
 * text so that dates without a zone land in the source's zone.
 */
public final class XmlFeedReader {

    private static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile("<[a-zA-Z/!]|&[#a-zA-Z0-9]+;");

    private static final Set<String> DATE_ELEMENTS = Set.of("pubDate", "date", "published", "issued", "updated", "modified");

    public ParsedFeed read(String xml, URI base, ZoneId zone) throws FeedParseException {
        Document doc = parse(xml);
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            input.setXmlHealerOn(false);
            feed = input.build(doc);
        } catch (IllegalArgumentException e) {
            throw new FeedParseException("not an RSS or Atom feed (root element <" + doc.getRootElement().getName() + ">)")
                    .keyed("regtech.poll.error.notFeed", doc.getRootElement().getName());
        } catch (FeedException e) {
            throw new FeedParseException("not a readable feed: " + e.getMessage()).keyed("regtech.poll.error.unreadableFeed", e.getMessage());
        }
        List<Raw> raws = raw(doc, base);
        List<SyndEntry> entries = feed.getEntries();
        boolean aligned = raws.size() == entries.size();
        URI feedBase = base;
        List<ParsedItem> items = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry e = entries.get(i);
            Raw raw = aligned ? raws.get(i) : null;
            Instant date = raw != null ? DateReader.read(raw.date(), zone, null) : null;
            if (date == null) {
                java.util.Date d = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
                date = d == null ? null : d.toInstant();
            }
            String link = raw != null && raw.link() != null ? raw.link() : e.getLink();
            URI linkBase = raw != null && raw.link() != null ? raw.base() : feedBase;
            if ((link == null || link.isBlank()) && e.getLinks() != null && !e.getLinks().isEmpty()) {
                link = e.getLinks().get(0).getHref();
            }
            String guid = e.getUri();
            if (guid != null && guid.isBlank()) {
                guid = null;
            }
            SyndContent description = e.getDescription();
            String summary = description == null ? null : description.getValue();
            if (summary == null && e.getContents() != null && !e.getContents().isEmpty()) {
                summary = e.getContents().get(0).getValue();
            }
            String title = ItemText.title(e.getTitle());
            if (MARKUP.matcher(title).find()) {
                // type="html" titles and escaped markup in RSS titles: read as text
                title = ItemText.title(org.jsoup.Jsoup.parse(title).text());
            }
            if (title.isEmpty()) {
                title = ItemText.title(ItemText.summary(summary, 120));
            }
            items.add(new ParsedItem(title, ItemText.link(link, linkBase), guid == null ? null : guid.strip(), date,
                    ItemText.summary(summary, 2000)));
        }
        return new ParsedFeed(ItemText.title(feed.getTitle()), items);
    }

    static Document parse(String xml) throws FeedParseException {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setExpandEntities(false);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new org.xml.sax.SAXException("external entities are refused: " + systemId);
        });
        try {
            return builder.build(new InputSource(new StringReader(xml)));
        } catch (JDOMParseException e) {
            String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            String parserText = message;
            boolean doctype = message != null && message.contains("DOCTYPE");
            if (doctype) {
                message = "document type declarations (DTDs, entities) are refused";
            } else {
                message = "ill-formed XML: " + message;
            }
            throw new FeedParseException(message, e.getLineNumber(), e.getColumnNumber()).keyed(
                    doctype ? "regtech.poll.error.doctype" : "regtech.poll.error.illFormed", Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()),
                    String.valueOf(parserText));
        } catch (JDOMException e) {
            throw new FeedParseException("ill-formed XML: " + e.getMessage()).keyed("regtech.poll.error.illFormed", 0, 0, e.getMessage());
        } catch (IOException e) {
            throw new FeedParseException("unreadable XML: " + e.getMessage()).keyed("regtech.poll.error.unreadableXml", e.getMessage());
        }
    }

    /** What Rome does not give faithfully: the raw date text, the raw link and its xml:base. */
    record Raw(String date, String link, URI base) { }

    /** Every item/entry in document order with its raw date, link and effective base. */
    static List<Raw> raw(Document doc, URI feedUrl) {
        List<Raw> result = new ArrayList<>();
        Element root = doc.getRootElement();
        URI rootBase = base(root, feedUrl);
        for (Element child : root.getChildren()) {
            if (isEntry(child)) {
                result.add(raw(child, rootBase));
            }
            URI childBase = base(child, rootBase);
            for (Element grandChild : child.getChildren()) {
                if (isEntry(grandChild)) {
                    result.add(raw(grandChild, childBase));
                }
            }
        }
        return result;
    }

    private static Raw raw(Element entry, URI parentBase) {
        URI base = base(entry, parentBase);
        String date = null;
        for (String name : List.of("pubDate", "published", "date", "issued", "updated", "modified")) {
            for (Element c : entry.getChildren()) {
                if (c.getName().equals(name) && !c.getTextTrim().isEmpty()) {
                    date = c.getTextTrim();
                    break;
                }
            }
            if (date != null) {
                break;
            }
        }
        String link = null;
        URI linkBase = base;
        for (Element c : entry.getChildren("link", entry.getNamespace())) {
            String href = c.getAttributeValue("href");
            String rel = c.getAttributeValue("rel");
            if (href != null && (rel == null || rel.equals("alternate"))) {
                link = href;
                linkBase = base(c, base);
                break;
            }
            if (href == null && !c.getText().isBlank()) {
                link = c.getText();
                break;
            }
        }
        return new Raw(date, link, linkBase);
    }

    /** The element's xml:base resolved against its parent's base. */
    private static URI base(Element e, URI parent) {
        String xmlBase = e.getAttributeValue("base", org.jdom2.Namespace.XML_NAMESPACE);
        if (xmlBase == null || xmlBase.isBlank()) {
            return parent;
        }
        try {
            URI b = new URI(xmlBase.strip());
            return parent == null ? b : parent.resolve(b);
        } catch (java.net.URISyntaxException | IllegalArgumentException ex) {
            return parent;
        }
    }

    private static boolean isEntry(Element e) {
        return e.getName().equals("item") || e.getName().equals("entry");
    }

    static boolean isDateElement(String name) {
        return DATE_ELEMENTS.contains(name);
    }
}
