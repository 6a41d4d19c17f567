package io.clearflow.engine.governance.bpmn;

import io.clearflow.engine.governance.ValidationReport.Finding;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Reads an untrusted BPMN file in three passes, each refusing what the next must not see:
 * a streaming pre-scan (well-formed XML, no DTD at all, so no external entity and no entity
 * expansion can happen; root is BPMN 2.0 {@code definitions}), the BPMN 2.0 schema Flowable deploys
 * with, and finally Flowable's own converter into a {@link BpmnModel}.
 */
final class SecureBpmnReader {

    public static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String FLOWABLE_XSD = "org/flowable/impl/bpmn/parser/BPMN20.xsd";
    private static final int MAX_SCHEMA_ERRORS = 20;
    private static volatile Schema schema;

    /** A file that cannot be read as BPMN, with every problem found before giving up. */
    public static final class Unreadable extends Exception {
        private final List<Finding> findings;

        Unreadable(List<Finding> findings) {
            super(findings.isEmpty() ? "unreadable" : findings.get(0).message());
            this.findings = List.copyOf(findings);
        }

        public List<Finding> findings() {
            return findings;
        }
    }

    private SecureBpmnReader() {
    }

    /** Parses the file; throws {@link Unreadable} with the reasons when it is not a BPMN 2.0 file Flowable accepts. */
    public static BpmnModel read(byte[] bpmn) throws Unreadable {
        if (bpmn == null || bpmn.length == 0) {
            throw new Unreadable(List.of(Finding.of(null, "gov.finding.empty", "the file is empty")));
        }
        TreeMap<Integer, String> idsByLine = preScan(bpmn);
        checkSchema(bpmn, idsByLine);
        try {
            XMLStreamReader reader = inputFactory().createXMLStreamReader(new ByteArrayInputStream(bpmn));
            try {
                return new BpmnXMLConverter().convertToBpmnModel(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new Unreadable(List.of(Finding.of(null, "gov.finding.unreadable", "Flowable cannot read the model: " + message(e))));
        }
    }

    /** A StAX factory that never reads a DTD or an external entity. */
    static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are not allowed: " + systemId);
        });
        return factory;
    }

    /** Well-formedness, no DTD, BPMN root; returns the line of every element with an id, to name elements in schema errors. */
    private static TreeMap<Integer, String> preScan(byte[] bpmn) throws Unreadable {
        TreeMap<Integer, String> idsByLine = new TreeMap<>();
        boolean root = true;
        try {
            XMLStreamReader reader = inputFactory().createXMLStreamReader(new ByteArrayInputStream(bpmn));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
                            || event == XMLStreamConstants.ENTITY_DECLARATION) {
                        throw new Unreadable(List.of(Finding.of(null, "gov.finding.dtd", "DOCTYPE/DTD and entity declarations "
                                + "are not allowed in BPMN files (protection against XXE and entity expansion)")));
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        if (root && !(BPMN_NS.equals(reader.getNamespaceURI()) && "definitions".equals(reader.getLocalName()))) {
                            throw new Unreadable(List.of(Finding.of(null, "gov.finding.notBpmn", "not a BPMN 2.0 file: the root "
                                    + "element is {" + reader.getNamespaceURI() + "}" + reader.getLocalName()
                                    + ", expected {" + BPMN_NS + "}definitions")));
                        }
                        root = false;
                        String id = reader.getAttributeValue(null, "id");
                        if (id != null) {
                            idsByLine.putIfAbsent(reader.getLocation().getLineNumber(), id);
                        }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new Unreadable(List.of(Finding.of(null, "gov.finding.notXml", "not well-formed XML: " + dtdHint(message(e)))));
        }
        if (root) {
            throw new Unreadable(List.of(Finding.of(null, "gov.finding.notXml", "the file contains no XML element")));
        }
        return idsByLine;
    }

    /** The JDK parser names a refused DTD or undeclared entity in its own words; say why too. */
    private static String dtdHint(String message) {
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("doctype") || lower.contains("dtd") || lower.contains("entity")) {
            return message + " (DOCTYPE/DTD and entities are not allowed: protection against XXE)";
        }
        return message;
    }

    private static void checkSchema(byte[] bpmn, TreeMap<Integer, String> idsByLine) throws Unreadable {
        List<Finding> errors = new ArrayList<>();
        try {
            Validator validator = schema().newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    Map.Entry<Integer, String> near = idsByLine.floorEntry(e.getLineNumber());
                    errors.add(Finding.of(near == null ? null : near.getValue(), "gov.finding.schema",
                            "BPMN schema, line " + e.getLineNumber() + ": " + e.getMessage(), String.valueOf(e.getLineNumber())));
                    if (errors.size() >= MAX_SCHEMA_ERRORS) {
                        throw e;
                    }
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    error(e);
                    throw e;
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(bpmn)));
        } catch (SAXParseException e) {
            // already collected
        } catch (Exception e) {
            errors.add(Finding.of(null, "gov.finding.schemaFailed", "BPMN schema check failed: " + message(e)));
        }
        if (!errors.isEmpty()) {
            throw new Unreadable(errors);
        }
    }

    private static Schema schema() throws org.xml.sax.SAXException {
        if (schema == null) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // our own schema files import each other from the Flowable jar; nothing else may be loaded
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
            schema = factory.newSchema(SecureBpmnReader.class.getClassLoader().getResource(FLOWABLE_XSD));
        }
        return schema;
    }

    static String message(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.length() > 500 ? message.substring(0, 500) + "…" : message;
    }
}
