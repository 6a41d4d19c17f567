package io.clearflow.mining.xes;

import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.Timestamps;
import java.io.OutputStream;
import java.time.Instant;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes an {@link EventLog} as IEEE 1849 XES: one trace per case, events in the log's order. */
public final class XesExporter {

    private XesExporter() {
    }

    public static void write(EventLog log, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("log");
        xml.writeAttribute("xes.version", "1849-2016");
        xml.writeAttribute("xmlns", "http://www.xes-standard.org/");
        extension(xml, "Concept", "concept");
        extension(xml, "Time", "time");
        extension(xml, "Lifecycle", "lifecycle");
        extension(xml, "Organizational", "org");
        attribute(xml, "string", "concept:name", log.name());
        for (int c = 0; c < log.caseCount(); c++) {
            xml.writeStartElement("trace");
            attribute(xml, "string", "concept:name", log.caseId(c));
            for (int e = log.caseStart(c); e < log.caseEnd(c); e++) {
                xml.writeStartElement("event");
                attribute(xml, "string", "concept:name", log.activityName(log.activity(e)));
                if (log.timestamp(e) != Timestamps.NONE) { // XES makes the timestamp optional
                    attribute(xml, "date", "time:timestamp", Instant.ofEpochMilli(log.timestamp(e)).toString());
                }
                attribute(xml, "string", "lifecycle:transition", log.lifecycleName(log.lifecycle(e)));
                attribute(xml, "string", "concept:instance", log.instanceName(log.instance(e)));
                attribute(xml, "string", "org:resource", log.resourceName(log.resource(e)));
                attribute(xml, "string", "org:group", log.groupName(log.group(e)));
                attribute(xml, "string", "org:role", log.roleName(log.role(e)));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    private static void extension(XMLStreamWriter xml, String name, String prefix) throws XMLStreamException {
        xml.writeEmptyElement("extension");
        xml.writeAttribute("name", name);
        xml.writeAttribute("prefix", prefix);
        xml.writeAttribute("uri", "http://www.xes-standard.org/" + prefix + ".xesext");
    }

    private static void attribute(XMLStreamWriter xml, String type, String key, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeEmptyElement(type);
        xml.writeAttribute("key", key);
        xml.writeAttribute("value", value);
    }
}
