package io.clearflow.engine.eventlog;

import io.clearflow.engine.api.PlatformEvent;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Streams the event log as IEEE 1849 XES: one trace per case, events in log order, with the
 * concept, time, lifecycle and org extensions. Process-level rows become trace attributes; activity,
 * task and job rows become events.
 */
public final class XesWriter implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private final XMLStreamWriter xml;
    private String openCase;

    public XesWriter(OutputStream out) throws XMLStreamException {
        xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("log");
        xml.writeAttribute("xes.version", "1.0");
        xml.writeAttribute("xes.features", "nested-attributes");
        xml.writeAttribute("xmlns", "http://www.xes-standard.org/");
        extension("Concept", "concept", "http://www.xes-standard.org/concept.xesext");
        extension("Time", "time", "http://www.xes-standard.org/time.xesext");
        extension("Lifecycle", "lifecycle", "http://www.xes-standard.org/lifecycle.xesext");
        extension("Organizational", "org", "http://www.xes-standard.org/org.xesext");
        global("trace", "concept:name", "UNKNOWN");
        global("event", "concept:name", "UNKNOWN");
        global("event", "lifecycle:transition", "complete");
        xml.writeStartElement("classifier");
        xml.writeAttribute("name", "Activity");
        xml.writeAttribute("keys", "concept:name");
        xml.writeEndElement();
        string("concept:name", "ClearFlow platform event log");
    }

    /** Events must come grouped by case (ordered by case, then position). */
    public void write(PlatformEvent e) throws XMLStreamException {
        if (!e.caseId().equals(openCase)) {
            if (openCase != null) {
                xml.writeEndElement();
            }
            xml.writeStartElement("trace");
            string("concept:name", e.caseId());
            if (e.processKey() != null) {
                string("process:key", e.processKey());
            }
            openCase = e.caseId();
        }
        if (e.scope() == PlatformEvent.Scope.PROCESS) {
            return;
        }
        xml.writeStartElement("event");
        string("concept:name", e.activityName() != null ? e.activityName() : String.valueOf(e.activityId()));
        string("concept:instance", e.activityId());
        string("lifecycle:transition", e.lifecycle());
        date("time:timestamp", TIME.format(e.occurredAt()));
        string("org:resource", e.resource());
        string("org:role", e.role());
        string("org:group", e.department());
        string("clearflow:eventId", e.eventId());
        string("clearflow:scope", e.scope().value());
        for (var attribute : new java.util.TreeMap<>(e.attributes()).entrySet()) {
            string("clearflow:" + attribute.getKey(), attribute.getValue());
        }
        xml.writeEndElement();
    }

    @Override
    public void close() throws XMLStreamException {
        if (openCase != null) {
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    private void extension(String name, String prefix, String uri) throws XMLStreamException {
        xml.writeEmptyElement("extension");
        xml.writeAttribute("name", name);
        xml.writeAttribute("prefix", prefix);
        xml.writeAttribute("uri", uri);
    }

    private void global(String scope, String key, String value) throws XMLStreamException {
        xml.writeStartElement("global");
        xml.writeAttribute("scope", scope);
        string(key, value);
        xml.writeEndElement();
    }

    private void string(String key, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeEmptyElement("string");
        xml.writeAttribute("key", key);
        xml.writeAttribute("value", value);
    }

    private void date(String key, String value) throws XMLStreamException {
        xml.writeEmptyElement("date");
        xml.writeAttribute("key", key);
        xml.writeAttribute("value", value);
    }
}
