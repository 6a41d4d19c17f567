package io.clearflow.regtech.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneId;

/** Reads the test corpus under {@code src/test/resources/feeds}. */
final class Corpus {

    private Corpus() { }

    static byte[] bytes(String path) {
        try (InputStream in = Corpus.class.getResourceAsStream("/feeds/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedFeed read(String path, String kind, String base, String zone, HtmlListReader.Selectors selectors)
            throws FeedParseException {
        return new DocumentReader().read(kind, bytes(path), null, null, URI.create(base), ZoneId.of(zone), selectors);
    }

    static ParsedFeed feed(String path, String base) throws FeedParseException {
        return read(path, "feed", base, "UTC", null);
    }
}
