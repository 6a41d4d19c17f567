package io.clearflow.delivery.stress.results;

import static io.clearflow.delivery.stress.results.LoadResultReader.number;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * JMeter's result files (JTL), as CSV or as XML, read sample by sample into a {@link SampleAccumulator}: only the
 * elapsed times are kept, so a JTL of any size is never held in memory.
 */
final class JtlReader {

    private JtlReader() {
    }

    /** The rows after a JTL CSV header (its columns by lower-case name): each a sample. */
    static LoadSummary csv(BufferedReader reader, Map<String, Integer> columns, int width) throws IOException {
        int ts = columns.get("timestamp");
        int elapsed = columns.get("elapsed");
        int label = columns.getOrDefault("label", -1);
        int success = columns.getOrDefault("success", -1);
        int code = columns.getOrDefault("responsecode", -1);
        SampleAccumulator samples = new SampleAccumulator(LoadFormat.JMETER_CSV);
        String[] cells = new String[width];
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            int n = Csv.split(line, cells, reader);
            if (n != width) {
                // a short last line is what a killed JMeter leaves behind: the file is truncated
                throw new BadResultFileException("delivery.stress.error.truncated");
            }
            samples.add(label < 0 ? "(all)" : cells[label], number(cells[ts]), number(cells[elapsed]),
                    success >= 0 ? "true".equalsIgnoreCase(cells[success].strip())
                            : code < 0 || okCode(cells[code]));
        }
        return samples.summary();
    }

    /** Without a success column, an HTTP status below 400 counts as success (JMeter's own default rule). */
    private static boolean okCode(String code) {
        String c = code.strip();
        return c.length() == 3 && (c.charAt(0) == '1' || c.charAt(0) == '2' || c.charAt(0) == '3');
    }

    /** A JTL XML: top-level {@code httpSample}/{@code sample} elements of {@code testResults}. */
    static LoadSummary xml(InputStream in) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // no DTDs, no external entities: a JTL has neither, so a file carrying them is refused (XXE, entity bombs)
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        SampleAccumulator samples = new SampleAccumulator(LoadFormat.JMETER_XML);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in);
            int depth = 0;
            boolean rootSeen = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new BadResultFileException("delivery.stress.error.dtd");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new BadResultFileException("delivery.stress.error.dtd");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = xml.getLocalName();
                    if (depth == 1) {
                        if (!"testResults".equals(name)) {
                            throw new BadResultFileException("delivery.stress.error.unknownFormat");
                        }
                        rootSeen = true;
                    } else if (depth == 2 && ("httpSample".equals(name) || "sample".equals(name))) {
                        // only top-level samples count: nested ones are sub-results (embedded resources, redirects)
                        String t = xml.getAttributeValue(null, "t");
                        String ts = xml.getAttributeValue(null, "ts");
                        if (t == null || ts == null) {
                            throw new BadResultFileException("delivery.stress.error.missingTimes");
                        }
                        String lb = xml.getAttributeValue(null, "lb");
                        String s = xml.getAttributeValue(null, "s");
                        String rc = xml.getAttributeValue(null, "rc");
                        samples.add(lb == null ? "(all)" : lb, number(ts), number(t),
                                s != null ? "true".equals(s) : rc == null || okCode(rc));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if (!rootSeen || depth != 0) {
                throw new BadResultFileException("delivery.stress.error.truncated");
            }
            return samples.summary();
        } catch (XMLStreamException e) {
            // truncated or not well-formed; also an undeclared entity, which is what a DTD-less XXE attempt becomes
            throw new BadResultFileException("delivery.stress.error.truncated");
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }
}
