package io.clearflow.mining.discovery;

import io.clearflow.engine.governance.ScenarioSummary;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ExtensionAttribute;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.UserTask;

/**
 * A discovered model made into a draft of one scenario, so that it passes the catalog's validation as
 * offered: a log knows the steps but not who owns the process or who does its work, and the scenario does.
 * The process takes the scenario's name (not the log's file name), its owner department as documented owner
 * ({@code clearflow:owner}), and that department as the starters and the candidates of every step; the
 * owner reassigns steps and designs their forms in the catalog (the validator's warnings say which).
 */
final class DraftForScenario {

    /** The catalog's namespace for its own BPMN attributes (bpm-engine's BpmnValidator reads it). */
    static final String CLEARFLOW_NS = "http://clearflow.io/schema/bpmn";

    private DraftForScenario() {
    }

    static byte[] complete(byte[] discovered, ScenarioSummary scenario) {
        BpmnModel model = read(discovered);
        String department = scenario.ownerDepartment();
        Process process = model.getMainProcess();
        process.setName(scenario.name());
        model.addNamespace("clearflow", CLEARFLOW_NS);
        ExtensionAttribute owner = new ExtensionAttribute();
        owner.setName("owner");
        owner.setNamespace(CLEARFLOW_NS);
        owner.setNamespacePrefix("clearflow");
        owner.setValue(department);
        process.getAttributes().remove("owner");
        process.addAttribute(owner);
        process.setCandidateStarterGroups(new java.util.ArrayList<>(List.of(department)));
        for (UserTask task : process.findFlowElementsOfType(UserTask.class, true)) {
            task.setCandidateGroups(new java.util.ArrayList<>(List.of(department)));
        }
        return new BpmnXMLConverter().convertToXML(model, StandardCharsets.UTF_8.name());
    }

    private static BpmnModel read(byte[] bpmn) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // the model was written by BpmnWriter a moment ago; still, no DTDs and no external entities
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            return new BpmnXMLConverter().convertToBpmnModel(
                    factory.createXMLStreamReader(new ByteArrayInputStream(bpmn), StandardCharsets.UTF_8.name()));
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a discovered model cannot be read back", e);
        }
    }
}
