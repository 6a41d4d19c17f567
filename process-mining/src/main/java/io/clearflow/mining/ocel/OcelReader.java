package io.clearflow.mining.ocel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.mining.log.LogFormatException;
import io.clearflow.mining.log.Timestamps;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OCEL 2.0 object-centric log (the JSON or the XML encoding, told by the first character) into
 * an {@link OcelLog}: events with their type, time, resource attribute and related objects, and each
 * object's type. Object attributes and object-to-object relations are not needed for flattening and are
 * skipped. The XML parser refuses DTDs and external entities (XXE, entity expansion).
 */
public final class OcelReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XMLInputFactory XML = secureFactory();

    private OcelReader() {
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    /** Whether a file looks like OCEL by its name ({@code .jsonocel}, {@code .xmlocel}, {@code .json}). */
    public static boolean isOcelName(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonocel") || name.endsWith(".xmlocel") || name.endsWith(".json")
                || name.endsWith(".sqlite") || name.endsWith(".sqlite3") || name.endsWith(".db");
    }

    /**
     * Whether the start of a (marked, buffered) stream is OCEL: a JSON object, or XML that declares
     * {@code <object-types>} early (an XES log never does). The stream is reset afterwards.
     */
    public static boolean looksLikeOcel(BufferedInputStream in) throws IOException {
        in.mark(8192);
        byte[] head = in.readNBytes(8192);
        in.reset();
        if (isSqlite(head)) {
            return true;
        }
        String text = new String(head, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).stripLeading();
        }
        return text.startsWith("{") || (text.startsWith("<") && text.contains("<object-types"));
    }

    /** Whether the bytes start as an SQLite 3 database does. */
    private static boolean isSqlite(byte[] head) {
        return head.length >= OcelSqliteReader.MAGIC.length
                && java.util.Arrays.equals(head, 0, OcelSqliteReader.MAGIC.length, OcelSqliteReader.MAGIC, 0,
                OcelSqliteReader.MAGIC.length);
    }

    /** An OCEL 2.0 log in the JSON, XML or SQLite encoding, told by its content. */
    public static OcelLog read(InputStream input) throws IOException {
        BufferedInputStream in = input instanceof BufferedInputStream b ? b : new BufferedInputStream(input, 1 << 16);
        in.mark(64);
        byte[] head = in.readNBytes(OcelSqliteReader.MAGIC.length);
        in.reset();
        if (isSqlite(head)) {
            return OcelSqliteReader.read(in);
        }
        in.mark(1024);
        int first;
        do {
            first = in.read();
        } while (first == ' ' || first == '\n' || first == '\r' || first == '\t' || first == 0xEF || first == 0xBB
                || first == 0xBF);
        in.reset();
        return first == '{' ? readJson(in) : readXml(in);
    }

    static OcelLog readJson(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new LogFormatException("not a readable OCEL 2.0 JSON log: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("events").isArray() || !root.path("objects").isArray()) {
            throw new LogFormatException("not an OCEL 2.0 JSON log: it needs \"events\" and \"objects\" arrays");
        }
        Map<String, String> objectTypes = new HashMap<>();
        for (JsonNode object : root.get("objects")) {
            String id = text(object, "id");
            String type = text(object, "type");
            if (id == null || type == null) {
                throw new LogFormatException("an OCEL object needs an \"id\" and a \"type\"");
            }
            objectTypes.put(id, type);
        }
        List<OcelLog.Event> events = new ArrayList<>();
        for (JsonNode event : root.get("events")) {
            String id = text(event, "id");
            String type = text(event, "type");
            String time = text(event, "time");
            if (id == null || type == null || time == null) {
                throw new LogFormatException("an OCEL event needs an \"id\", a \"type\" and a \"time\" (event " + id + ")");
            }
            String resource = null;
            for (JsonNode attribute : event.path("attributes")) {
                if (isResource(text(attribute, "name"))) {
                    resource = text(attribute, "value");
                }
            }
            List<String> related = new ArrayList<>();
            for (JsonNode relation : event.path("relationships")) {
                String objectId = text(relation, "objectId");
                if (objectId != null) {
                    related.add(objectId);
                }
            }
            events.add(new OcelLog.Event(id, type, time(time, id), resource, related));
        }
        return new OcelLog(events, objectTypes);
    }

    static OcelLog readXml(InputStream in) throws IOException {
        Map<String, String> objectTypes = new HashMap<>();
        List<OcelLog.Event> events = new ArrayList<>();
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            boolean sawRoot = false;
            boolean inEvents = false;
            String eventId = null;
            String eventType = null;
            String eventTime = null;
            String resource = null;
            String attributeName = null;
            StringBuilder attributeText = new StringBuilder();
            List<String> related = new ArrayList<>();
            while (xml.hasNext()) {
                int token = xml.next();
                if (token == XMLStreamConstants.DTD) {
                    throw new LogFormatException("the OCEL log declares a DTD or entity; refused");
                }
                if (token == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new LogFormatException("the OCEL log uses an undeclared entity &" + xml.getLocalName() + ";");
                }
                if (token == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (!sawRoot) {
                        if (!"log".equals(name)) {
                            throw new LogFormatException("not an OCEL 2.0 XML log: root element is <" + name + ">");
                        }
                        sawRoot = true;
                    } else if ("events".equals(name)) {
                        inEvents = true;
                    } else if ("object".equals(name) && !inEvents && eventId == null) {
                        String id = xml.getAttributeValue(null, "id");
                        String type = xml.getAttributeValue(null, "type");
                        if (id == null || type == null) {
                            throw new LogFormatException("an OCEL object needs an id and a type (line "
                                    + xml.getLocation().getLineNumber() + ")");
                        }
                        objectTypes.put(id, type);
                    } else if ("event".equals(name) && inEvents) {
                        eventId = xml.getAttributeValue(null, "id");
                        eventType = xml.getAttributeValue(null, "type");
                        eventTime = xml.getAttributeValue(null, "time");
                        resource = null;
                        related = new ArrayList<>();
                        if (eventId == null || eventType == null || eventTime == null) {
                            throw new LogFormatException("an OCEL event needs an id, a type and a time (line "
                                    + xml.getLocation().getLineNumber() + ")");
                        }
                    } else if ("attribute".equals(name) && eventId != null) {
                        attributeName = xml.getAttributeValue(null, "name");
                        attributeText.setLength(0);
                    } else if ("relationship".equals(name) && eventId != null) {
                        String objectId = xml.getAttributeValue(null, "object-id");
                        if (objectId != null) {
                            related.add(objectId);
                        }
                    }
                } else if (token == XMLStreamConstants.CHARACTERS || token == XMLStreamConstants.CDATA) {
                    if (attributeName != null) {
                        attributeText.append(xml.getText());
                    }
                } else if (token == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    if ("attribute".equals(name) && attributeName != null) {
                        if (isResource(attributeName)) {
                            resource = attributeText.toString().trim();
                        }
                        attributeName = null;
                    } else if ("event".equals(name) && eventId != null) {
                        events.add(new OcelLog.Event(eventId, eventType, time(eventTime, eventId), resource, related));
                        eventId = null;
                    } else if ("events".equals(name)) {
                        inEvents = false;
                    }
                }
            }
            if (!sawRoot) {
                throw new LogFormatException("not an OCEL 2.0 XML log: no <log> element");
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
            throw new LogFormatException("malformed OCEL XML" + where + ": " + e.getMessage().lines().reduce((a, b) -> b).orElse(""));
        }
        return new OcelLog(events, objectTypes);
    }

    /** OCEL 2.0 has no standard resource attribute; these are the names pm4py's examples and exports use. */
    private static boolean isResource(String attributeName) {
        return "org:resource".equals(attributeName) || "resource".equalsIgnoreCase(attributeName);
    }

    private static long time(String value, String eventId) {
        try {
            return Timestamps.parse(value);
        } catch (IllegalArgumentException e) {
            throw new LogFormatException("OCEL event " + eventId + " has an " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
