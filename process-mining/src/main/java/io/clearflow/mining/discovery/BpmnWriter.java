package io.clearflow.mining.discovery;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a process tree as an executable BPMN 2.0 process with diagram interchange (so modelers and
 * the platform's viewer draw it): activities become user tasks for a candidate group, exclusive
 * choices and loops exclusive gateways, parallel blocks parallel gateways. Each operator is a block
 * with one split and one join gateway, so the model stays sound. {@link BpmnLayout} places the
 * elements; this class writes them as XML.
 */
public final class BpmnWriter {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    private static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
    private static final String FLOWABLE = "http://flowable.org/bpmn";

    private BpmnWriter() {
    }

    /**
     * @param processId      BPMN process id (made a valid XML name)
     * @param processName    shown name
     * @param candidateGroup group every user task is offered to (e.g. {@code role-process-owner})
     */
    public static byte[] write(ProcessTree tree, String processId, String processName, String candidateGroup) {
        return xml(BpmnLayout.of(ProcessTree.normalise(tree)), xmlName(processId), processName, candidateGroup);
    }

    private static byte[] xml(BpmnLayout layout, String processId, String processName, String candidateGroup) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("definitions");
            w.writeDefaultNamespace(BPMN);
            w.writeNamespace("bpmndi", BPMNDI);
            w.writeNamespace("omgdc", DC);
            w.writeNamespace("omgdi", DI);
            w.writeNamespace("flowable", FLOWABLE);
            w.writeAttribute("targetNamespace", "http://clearflow.io/mining/discovered");
            w.writeStartElement("process");
            w.writeAttribute("id", processId);
            w.writeAttribute("name", processName);
            w.writeAttribute("isExecutable", "true");
            for (BpmnLayout.Shape s : layout.shapes()) {
                w.writeStartElement(s.kind());
                w.writeAttribute("id", s.id());
                if (s.name() != null) {
                    w.writeAttribute("name", s.name());
                }
                if (s.kind().equals("userTask")) {
                    w.writeAttribute("flowable", FLOWABLE, "candidateGroups", candidateGroup);
                }
                w.writeEndElement();
            }
            for (BpmnLayout.Flow f : layout.flows()) {
                w.writeEmptyElement("sequenceFlow");
                w.writeAttribute("id", f.id());
                w.writeAttribute("sourceRef", f.source());
                w.writeAttribute("targetRef", f.target());
            }
            w.writeEndElement();
            w.writeStartElement("bpmndi", "BPMNDiagram", BPMNDI);
            w.writeAttribute("id", "diagram_" + processId);
            w.writeStartElement("bpmndi", "BPMNPlane", BPMNDI);
            w.writeAttribute("id", "plane_" + processId);
            w.writeAttribute("bpmnElement", processId);
            for (BpmnLayout.Shape s : layout.shapes()) {
                w.writeStartElement("bpmndi", "BPMNShape", BPMNDI);
                w.writeAttribute("id", s.id() + "_di");
                w.writeAttribute("bpmnElement", s.id());
                w.writeEmptyElement("omgdc", "Bounds", DC);
                w.writeAttribute("x", String.valueOf(s.x()));
                w.writeAttribute("y", String.valueOf(s.y()));
                w.writeAttribute("width", String.valueOf(s.w()));
                w.writeAttribute("height", String.valueOf(s.h()));
                w.writeEndElement();
            }
            for (BpmnLayout.Flow f : layout.flows()) {
                w.writeStartElement("bpmndi", "BPMNEdge", BPMNDI);
                w.writeAttribute("id", f.id() + "_di");
                w.writeAttribute("bpmnElement", f.id());
                for (int[] p : f.points()) {
                    w.writeEmptyElement("omgdi", "waypoint", DI);
                    w.writeAttribute("x", String.valueOf(p[0]));
                    w.writeAttribute("y", String.valueOf(p[1]));
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write BPMN", e);
        }
    }

    /** A valid XML NCName (BPMN ids are), from any text. */
    static String xmlName(String text) {
        StringBuilder id = new StringBuilder();
        for (char c : (text == null ? "" : text).toCharArray()) {
            id.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-' || c == '.' ? c : '_');
        }
        if (id.isEmpty() || !Character.isLetter(id.charAt(0)) && id.charAt(0) != '_') {
            id.insert(0, "discovered_");
        }
        return id.toString();
    }
}
