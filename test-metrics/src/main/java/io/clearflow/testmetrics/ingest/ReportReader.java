package io.clearflow.testmetrics.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Detects a report's format from its content (never its name) and streams it through the parser:
 * XML by its root element ({@code testsuites}/{@code testsuite} → JUnit, {@code report} → JaCoCo,
 * {@code coverage} → Cobertura), JSON as SARIF. Spring-free; the service decides what is stored.
 */
public final class ReportReader {

    /** What a file turned out to be. */
    public enum Kind { XML, JSON, ZIP, EMPTY, UNKNOWN }

    /** A parsed report's format and summary. */
    public record Parsed(ReportFormat format, Map<String, Object> summary) {
    }

    private ReportReader() {
    }

    /** Looks at the first bytes (the stream must support mark/reset). */
    public static Kind sniff(BufferedInputStream in) throws IOException {
        in.mark(1024);
        byte[] head = in.readNBytes(1024);
        in.reset();
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Kind.ZIP;
        }
        if (head.length >= 2 && ((head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF
                || (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE)) {
            return Kind.XML; // UTF-16 with a byte-order mark (some .NET tools)
        }
        int i = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i >= head.length) {
            return Kind.EMPTY;
        }
        return switch (head[i]) {
            case '<' -> Kind.XML;
            case '{' -> Kind.JSON;
            default -> Kind.UNKNOWN;
        };
    }

    /** Reads one report file (not a ZIP). */
    public static Parsed read(InputStream raw, EvidenceSink sink) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, 65536);
        return switch (sniff(in)) {
            case EMPTY -> throw ReportRejectedException.malformed("the file is empty");
            case ZIP -> throw new ReportRejectedException(ReportRejectedException.Reason.UNSUPPORTED,
                    "a ZIP inside a ZIP is not read");
            case UNKNOWN -> throw new ReportRejectedException(ReportRejectedException.Reason.UNSUPPORTED,
                    "the file is not a JUnit XML, JaCoCo XML, Cobertura XML or SARIF 2.1.0 report");
            case JSON -> new Parsed(ReportFormat.SARIF, SarifParser.parse(in, sink));
            case XML -> xml(in, sink);
        };
    }

    private static Parsed xml(InputStream in, EvidenceSink sink) {
        XMLStreamReader r = SafeXml.open(new NonClosing(in));
        try {
            SafeXml.toRoot(r);
            String root = r.getLocalName();
            Parsed parsed = switch (root) {
                case "testsuites", "testsuite" -> new Parsed(ReportFormat.JUNIT, JUnitParser.parse(r, sink));
                case "report" -> new Parsed(ReportFormat.JACOCO, JacocoParser.parse(r, sink));
                case "coverage" -> new Parsed(ReportFormat.COBERTURA, CoberturaParser.parse(r, sink));
                default -> throw new ReportRejectedException(ReportRejectedException.Reason.UNSUPPORTED,
                        "the XML root element " + ReportRejectedException.quote(root)
                                + " is not JUnit (testsuites, testsuite), JaCoCo (report) or Cobertura (coverage)");
            };
            while (r.hasNext()) {
                r.next(); // comments and white space may follow the root; anything else is an error
            }
            return parsed;
        } catch (XMLStreamException e) {
            throw SafeXml.malformed(e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing held
            }
        }
    }

    /** Lets a ZIP entry be parsed without the parser closing the ZIP stream. */
    static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
