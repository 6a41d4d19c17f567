package io.clearflow.mining.xes;

import io.clearflow.mining.log.EventLogBuilder;
import io.clearflow.mining.log.ImportOptions;
import io.clearflow.mining.log.ImportResult;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.log.Timestamps;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streaming IEEE 1849 XES reader (plain or gzip, told apart by the magic bytes). It reads the
 * standard concept, time, lifecycle and org attributes of events and the case name of traces; other
 * attributes, nested attributes and globals are skipped. DTDs and external entities are refused
 * because XES never needs them and they are the way into XXE attacks.
 */
public final class XesReader {

    private static final XMLInputFactory FACTORY = secureFactory();

    private XesReader() {
    }

    public static ImportResult read(InputStream input, String name, ImportOptions options) throws IOException {
        try {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(decompressed(input));
            try {
                return new Parse(xml, name, options).run();
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new LogFormatException("malformed XES at line " + line + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Wraps gzip input in a decompressor; anything else is passed through. */
    public static InputStream decompressed(InputStream input) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(input, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16)
                : buffered;
    }

    private static XMLInputFactory secureFactory() {
        // Woodstox by name, not by service lookup: the speed of the import must not depend on class path order
        XMLInputFactory factory = new com.ctc.wstx.stax.WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        // XES elements and attributes carry no prefixes; skipping namespace processing is measurably faster
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return factory;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable XML";
        }
        String trimmed = message.strip();
        int cut = trimmed.lastIndexOf("Message: ");
        return cut >= 0 ? trimmed.substring(cut + 9) : trimmed;
    }

    /** An event read before its trace's name; kept until the trace ends. */
    private record Pending(String activity, long timestamp, String resource, String group, String role,
                           String lifecycle, String instance) {
    }

    private static final class Parse {
        private final XMLStreamReader xml;
        private final ImportOptions options;
        private final EventLogBuilder builder;
        private final List<Pending> trace = new ArrayList<>();
        private int skipped;
        private int traces;
        private boolean inTrace;
        private boolean inEvent;
        private int nestedDepth;
        private int eventLine;
        private String caseId;
        private String activity;
        private String timestamp;
        private String resource;
        private String group;
        private String role;
        private String lifecycle;
        private String instance;

        Parse(XMLStreamReader xml, String name, ImportOptions options) {
            this.xml = xml;
            this.options = options;
            this.builder = new EventLogBuilder(name);
        }

        ImportResult run() throws XMLStreamException {
            boolean sawLog = false;
            while (xml.hasNext()) {
                int type = xml.next();
                if (type == XMLStreamConstants.DTD || type == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new LogFormatException("XES at line " + line() + " declares a DTD or entity; refused");
                }
                if (type == XMLStreamConstants.START_ELEMENT) {
                    String element = xml.getLocalName();
                    if (!sawLog && !"log".equals(element)) {
                        throw new LogFormatException("not an XES log: root element is <" + element + "> at line " + line());
                    }
                    sawLog = true;
                    start(element);
                } else if (type == XMLStreamConstants.END_ELEMENT) {
                    end(xml.getLocalName());
                }
            }
            if (!sawLog) {
                throw new LogFormatException("not an XES log: no <log> element");
            }
            return new ImportResult(builder.build(), skipped);
        }

        private void start(String element) {
            if (nestedDepth > 0) {
                nestedDepth++;
            } else if (inEvent) {
                eventAttribute(element);
                nestedDepth = 1;
            } else if (inTrace && "event".equals(element)) {
                inEvent = true;
                eventLine = line();
                activity = timestamp = resource = group = role = lifecycle = instance = null;
            } else if (inTrace) {
                if (caseId == null && "concept:name".equals(xml.getAttributeValue(null, "key"))) {
                    caseId = xml.getAttributeValue(null, "value");
                    flush(caseId);
                }
                nestedDepth = 1;
            } else if ("trace".equals(element)) {
                inTrace = true;
                traces++;
                caseId = null;
                trace.clear();
            } else if (!"log".equals(element)) {
                nestedDepth = 1; // log attributes, globals, extensions, classifiers
            }
        }

        private void eventAttribute(String element) {
            String key = null;
            String value = null;
            for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
                String name = xml.getAttributeLocalName(i);
                if ("key".equals(name)) {
                    key = xml.getAttributeValue(i);
                } else if ("value".equals(name)) {
                    value = xml.getAttributeValue(i);
                }
            }
            if (key == null) {
                return;
            }
            switch (key) {
                case "concept:name" -> activity = value;
                case "time:timestamp" -> timestamp = "date".equals(element) ? value : timestamp;
                case "org:resource" -> resource = value;
                case "org:group" -> group = value;
                case "org:role" -> role = value;
                case "lifecycle:transition" -> lifecycle = value;
                case "concept:instance" -> instance = value;
                default -> { }
            }
        }

        private void end(String element) {
            if (nestedDepth > 0) {
                nestedDepth--;
            } else if (inEvent) {
                inEvent = false;
                finishEvent();
            } else if (inTrace && "trace".equals(element)) {
                inTrace = false;
                flush(caseId != null ? caseId : "trace " + traces);
            }
        }

        private void flush(String id) {
            for (Pending e : trace) {
                builder.add(id, e.activity(), e.timestamp(), e.resource(), e.group(), e.role(), e.lifecycle(),
                        e.instance());
            }
            trace.clear();
            checkLimit();
        }

        private void checkLimit() {
            if (builder.size() > options.maxEvents()) {
                throw new LogFormatException("log has more than " + options.maxEvents() + " events (the configured limit)");
            }
        }

        private void finishEvent() {
            String problem = null;
            long time = 0;
            if (activity == null || activity.isBlank()) {
                problem = "has no concept:name";
            } else if (timestamp == null) {
                problem = "has no time:timestamp";
            } else {
                try {
                    time = Timestamps.parse(timestamp);
                } catch (IllegalArgumentException e) {
                    problem = "has an " + e.getMessage();
                }
            }
            if (problem != null) {
                if (!options.skipInvalid()) {
                    throw new LogFormatException("event at line " + eventLine + " " + problem
                            + " (import with skipInvalid to skip such events)");
                }
                skipped++;
                return;
            }
            if (caseId != null) { // the usual order: the trace's name comes before its events
                builder.add(caseId, activity, time, resource, group, role, lifecycle, instance);
                checkLimit();
            } else {
                trace.add(new Pending(activity, time, resource, group, role, lifecycle, instance));
            }
        }

        private int line() {
            return xml.getLocation().getLineNumber();
        }
    }
}
