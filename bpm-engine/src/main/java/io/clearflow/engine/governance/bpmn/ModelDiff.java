package io.clearflow.engine.governance.bpmn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.UserTask;

/**
 * What changed between two versions of a process, element by element (matched by id, as Flowable
 * matches them when it migrates instances): activities added, removed, renamed, changed in type or
 * in candidate groups, and sequence flows added or removed.
 */
public final class ModelDiff {

    /** @param kind added, removed, renamed, type-changed, candidates-changed, flow-added, flow-removed */
    public record Change(String kind, String elementId, String before, String after) { }

    private ModelDiff() {
    }

    public static List<Change> between(BpmnModel before, BpmnModel after) {
        Map<String, FlowNode> oldNodes = nodes(before);
        Map<String, FlowNode> newNodes = nodes(after);
        List<Change> changes = new ArrayList<>();
        oldNodes.forEach((id, node) -> {
            FlowNode now = newNodes.get(id);
            if (now == null) {
                changes.add(new Change("removed", id, describe(node), null));
                return;
            }
            if (!node.getClass().equals(now.getClass())) {
                changes.add(new Change("type-changed", id, type(node), type(now)));
            }
            if (!Objects.equals(blankToNull(node.getName()), blankToNull(now.getName()))) {
                changes.add(new Change("renamed", id, node.getName(), now.getName()));
            }
            if (node instanceof UserTask a && now instanceof UserTask b
                    && !a.getCandidateGroups().equals(b.getCandidateGroups())) {
                changes.add(new Change("candidates-changed", id, String.join(",", a.getCandidateGroups()),
                        String.join(",", b.getCandidateGroups())));
            }
        });
        newNodes.forEach((id, node) -> {
            if (!oldNodes.containsKey(id)) {
                changes.add(new Change("added", id, null, describe(node)));
            }
        });
        Map<String, String> oldFlows = flows(before);
        Map<String, String> newFlows = flows(after);
        oldFlows.forEach((key, id) -> {
            if (!newFlows.containsKey(key)) {
                changes.add(new Change("flow-removed", id, key, null));
            }
        });
        newFlows.forEach((key, id) -> {
            if (!oldFlows.containsKey(key)) {
                changes.add(new Change("flow-added", id, null, key));
            }
        });
        return changes;
    }

    private static Map<String, FlowNode> nodes(BpmnModel model) {
        Map<String, FlowNode> nodes = new LinkedHashMap<>();
        for (Process p : model.getProcesses()) {
            for (FlowElement e : p.findFlowElementsOfType(FlowNode.class, true)) {
                nodes.put(e.getId(), (FlowNode) e);
            }
        }
        return nodes;
    }

    /** Flows keyed by "source → target", so a flow that only got a new id is not a change. */
    private static Map<String, String> flows(BpmnModel model) {
        Map<String, String> flows = new LinkedHashMap<>();
        for (Process p : model.getProcesses()) {
            for (SequenceFlow f : p.findFlowElementsOfType(SequenceFlow.class, true)) {
                flows.put(f.getSourceRef() + " → " + f.getTargetRef(), f.getId());
            }
        }
        return flows;
    }

    private static String describe(FlowNode node) {
        return type(node) + (node.getName() == null || node.getName().isBlank() ? "" : " '" + node.getName() + "'");
    }

    private static String type(FlowElement e) {
        return e.getClass().getSimpleName();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
