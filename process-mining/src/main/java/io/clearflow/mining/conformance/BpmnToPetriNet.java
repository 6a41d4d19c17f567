package io.clearflow.mining.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the first process of a BPMN 2.0 file and translates it into a workflow net: one place per
 * sequence flow; a task is a visible transition (AND-split on several outgoing flows, XOR-join on
 * several incoming, as BPMN's uncontrolled flows mean); an exclusive gateway is a place with a silent
 * transition per incoming and per outgoing flow; a parallel gateway is one silent transition; start
 * events leave the source place, end events enter the sink place; intermediate events pass through.
 * Inclusive, event-based and complex gateways, sub-processes and boundary events have no faithful
 * translation here and are refused by name. DTDs and external entities are refused.
 */
public final class BpmnToPetriNet {

    private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final Set<String> TASKS = Set.of("task", "userTask", "serviceTask", "scriptTask", "manualTask",
            "sendTask", "receiveTask", "businessRuleTask", "callActivity");
    private static final Set<String> PASS_THROUGH = Set.of("intermediateThrowEvent", "intermediateCatchEvent");
    private static final Set<String> UNSUPPORTED = Set.of("inclusiveGateway", "eventBasedGateway", "complexGateway",
            "subProcess", "adHocSubProcess", "transaction", "boundaryEvent");
    private static final Set<String> IGNORED = Set.of("laneSet", "dataObject", "dataObjectReference", "dataStoreReference",
            "textAnnotation", "association", "documentation", "extensionElements", "ioSpecification", "property",
            "group", "category");

    private static final XMLInputFactory FACTORY = secureFactory();

    private record Node(String id, String kind, String name) {
        String label() {
            return name == null || name.isBlank() ? id : name;
        }
    }

    private record Flow(String id, String source, String target) {
    }

    private BpmnToPetriNet() {
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    public static PetriNet convert(InputStream bpmn) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Flow> flows = new ArrayList<>();
        Set<String> unsupported = new TreeSet<>();
        boolean processSeen = false;
        try {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(bpmn);
            int depth = 0;
            int processDepth = -1;
            boolean done = false;
            while (xml.hasNext() && !done) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new BpmnModelException("BPMN with a DTD or entity references is refused (XXE protection)",
                            "mining.model.dtd");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String local = xml.getLocalName();
                    if (depth == 1 && !("definitions".equals(local) && BPMN_NS.equals(xml.getNamespaceURI()))) {
                        throw new BpmnModelException("not a BPMN 2.0 file: the root element is " + xml.getName()
                                + ", expected definitions in " + BPMN_NS, "mining.model.notBpmn");
                    }
                    if ("process".equals(local) && processDepth < 0 && !processSeen) {
                        processDepth = depth;
                        processSeen = true;
                    } else if (processDepth > 0 && depth == processDepth + 1) {
                        String id = xml.getAttributeValue(null, "id");
                        String name = xml.getAttributeValue(null, "name");
                        if ("sequenceFlow".equals(local)) {
                            flows.add(new Flow(id, require(xml, "sourceRef"), require(xml, "targetRef")));
                        } else if (TASKS.contains(local) || PASS_THROUGH.contains(local) || "startEvent".equals(local)
                                || "endEvent".equals(local) || "exclusiveGateway".equals(local)
                                || "parallelGateway".equals(local)) {
                            if (id == null) {
                                throw new BpmnModelException("a " + local + " has no id (line "
                                        + xml.getLocation().getLineNumber() + ")", "mining.model.noId",
                                        xml.getLocation().getLineNumber());
                            }
                            nodes.put(id, new Node(id, local, name));
                        } else if (UNSUPPORTED.contains(local)) {
                            unsupported.add(local + " '" + (name != null ? name : id) + "'");
                        } else if (!IGNORED.contains(local)) {
                            unsupported.add(local + " '" + (name != null ? name : id) + "'");
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == processDepth) {
                        done = true;
                    }
                    depth--;
                }
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw new BpmnModelException("the BPMN file is not well-formed XML: " + e.getMessage(), e);
        }
        if (!processSeen) {
            throw new BpmnModelException("the BPMN file has no process element", "mining.model.noProcess");
        }
        if (!unsupported.isEmpty()) {
            throw new BpmnModelException("the model uses elements that conformance checking cannot translate to a "
                    + "Petri net: " + String.join(", ", unsupported) + " (supported: tasks, start/end and intermediate "
                    + "events, exclusive and parallel gateways, sequence flows)", "mining.model.unsupported",
                    String.join(", ", unsupported));
        }
        return build(nodes, flows);
    }

    private static String require(XMLStreamReader xml, String attribute) {
        String value = xml.getAttributeValue(null, attribute);
        if (value == null) {
            throw new BpmnModelException("a sequenceFlow has no " + attribute + " (line "
                    + xml.getLocation().getLineNumber() + ")", "mining.model.flowEnd", xml.getLocation().getLineNumber());
        }
        return value;
    }

    private static PetriNet build(Map<String, Node> nodes, List<Flow> flows) {
        PetriNet net = new PetriNet();
        Map<String, List<Integer>> incoming = new LinkedHashMap<>();
        Map<String, List<Integer>> outgoing = new LinkedHashMap<>();
        for (Flow f : flows) {
            Node source = nodes.get(f.source());
            Node target = nodes.get(f.target());
            if (source == null || target == null) {
                throw new BpmnModelException("sequence flow " + f.id() + " connects an unknown element "
                        + (source == null ? f.source() : f.target()), "mining.model.unknownElement", f.id());
            }
            int place = net.addPlace(target.label());
            outgoing.computeIfAbsent(f.source(), k -> new ArrayList<>()).add(place);
            incoming.computeIfAbsent(f.target(), k -> new ArrayList<>()).add(place);
        }
        int source = net.addPlace("start");
        int sink = net.addPlace("end");
        net.setSource(source);
        net.setSink(sink);
        boolean hasStart = false;
        boolean hasEnd = false;
        for (Node node : nodes.values()) {
            List<Integer> in = incoming.getOrDefault(node.id(), List.of());
            List<Integer> out = outgoing.getOrDefault(node.id(), List.of());
            switch (node.kind()) {
                case "startEvent" -> {
                    hasStart = true;
                    if (out.isEmpty()) {
                        throw new BpmnModelException("start event '" + node.label() + "' has no outgoing flow",
                                "mining.model.noOutgoing", node.label());
                    }
                    net.addTransition(null, new int[] {source}, ints(out));
                }
                case "endEvent" -> {
                    hasEnd = true;
                    for (int place : in) {
                        net.addTransition(null, new int[] {place}, new int[] {sink});
                    }
                }
                case "exclusiveGateway" -> {
                    int place = in.size() == 1 ? in.get(0) : net.addPlace(node.label());
                    if (in.size() != 1) {
                        for (int p : in) {
                            net.addTransition(null, new int[] {p}, new int[] {place});
                        }
                    }
                    for (int p : out) {
                        net.addTransition(null, new int[] {place}, new int[] {p});
                    }
                }
                case "parallelGateway" -> net.addTransition(null, ints(in), out.isEmpty() ? new int[] {sink} : ints(out));
                default -> { // tasks and intermediate events
                    if (in.isEmpty()) {
                        throw new BpmnModelException(node.kind() + " '" + node.label() + "' has no incoming flow",
                                "mining.model.noIncoming", node.label());
                    }
                    int input = in.size() == 1 ? in.get(0) : net.addPlace(node.label());
                    if (in.size() != 1) {
                        for (int p : in) {
                            net.addTransition(null, new int[] {p}, new int[] {input});
                        }
                    }
                    String label = TASKS.contains(node.kind()) ? node.label() : null;
                    net.addTransition(label, new int[] {input}, out.isEmpty() ? new int[] {sink} : ints(out));
                }
            }
        }
        if (!hasStart || !hasEnd) {
            throw new BpmnModelException("the process needs a start event and an end event", "mining.model.startEnd");
        }
        return net;
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Reads and closes the stream. */
    public static PetriNet convert(byte[] bpmn) {
        try (InputStream in = new java.io.ByteArrayInputStream(bpmn)) {
            return convert(in);
        } catch (IOException e) {
            throw new BpmnModelException("cannot read the BPMN file", e);
        }
    }
}
