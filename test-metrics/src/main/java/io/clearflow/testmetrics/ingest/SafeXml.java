package io.clearflow.testmetrics.ingest;

import java.io.InputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX on untrusted reports. DTD processing is off ({@code SUPPORT_DTD=false}): a DOCTYPE that only
 * names an external DTD (JaCoCo's {@code report.dtd}, gcovr's {@code http://} Cobertura DTD) is accepted
 * and nothing is fetched or read; external entities are off and the resolver answers nothing. A DOCTYPE
 * with an internal subset that declares entities is refused outright, so neither XXE nor an entity bomb
 * gets anywhere, and an undeclared entity reference is a well-formedness error.
 */
final class SafeXml {

    private SafeXml() {
    }

    /** The JDK's own StAX implementation, whatever else is on the classpath, with DTDs and entities off. */
    static XMLStreamReader open(InputStream in) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> InputStream.nullInputStream());
        try {
            return factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** Moves to the root element; refuses a DOCTYPE that declares entities, elements or anything else inline. */
    static void toRoot(XMLStreamReader r) {
        try {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    String dtd = r.getText();
                    if (dtd != null && dtd.contains("[")) {
                        throw ReportRejectedException.malformed(
                                "the XML declares a DTD with an internal subset (entity declarations); refused");
                    }
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    return;
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
        throw ReportRejectedException.malformed("the XML has no root element");
    }

    static ReportRejectedException malformed(XMLStreamException e) {
        Location at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        String why = e.getMessage() == null ? "" : e.getMessage();
        int message = why.indexOf("Message: ");
        why = message >= 0 ? why.substring(message + 9) : why;
        why = why.length() > 160 ? why.substring(0, 160) + "…" : why;
        return ReportRejectedException.malformed("the XML is not well-formed" + where + ": " + why.strip());
    }

    /** Text of the current element and its descendants, at most {@code limit} characters; ends on its END_ELEMENT. */
    static String text(XMLStreamReader r, int limit) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (sb.length() < limit) {
                        sb.append(r.getTextCharacters(), r.getTextStart(),
                                Math.min(r.getTextLength(), limit - sb.length()));
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw ReportRejectedException.malformed(
                        "the XML references an undeclared entity " + ReportRejectedException.quote(r.getLocalName()));
                default -> { }
            }
        }
        return sb.toString();
    }

    /** Skips the current element with everything inside it. */
    static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw ReportRejectedException.malformed("the XML references an undeclared entity");
            }
        }
    }

    static long count(XMLStreamReader r, String attribute, String element) {
        String value = r.getAttributeValue(null, attribute);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n < 0) {
                throw ReportRejectedException.malformed("<" + element + "> has a negative " + attribute + " "
                        + ReportRejectedException.quote(value));
            }
            return n;
        } catch (NumberFormatException e) {
            throw ReportRejectedException.malformed("<" + element + "> has a non-numeric " + attribute + " "
                    + ReportRejectedException.quote(value));
        }
    }
}
