package io.clearflow.mining.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A workflow net for token replay: places with labels (to say where tokens were missing or left),
 * transitions that are visible (an activity) or silent (gateways, events), one source place marked
 * at the start and one sink place that a complete case reaches.
 */
public final class PetriNet {

    /** @param label activity name, or {@code null} for a silent transition */
    public record Transition(int index, String label, int[] inputs, int[] outputs) {
        public boolean visible() {
            return label != null;
        }
    }

    private final List<String> places = new ArrayList<>();
    private final List<Transition> transitions = new ArrayList<>();
    private final Map<String, List<Transition>> byLabel = new HashMap<>();
    private int source = -1;
    private int sink = -1;

    int addPlace(String label) {
        places.add(label);
        return places.size() - 1;
    }

    Transition addTransition(String label, int[] inputs, int[] outputs) {
        Transition t = new Transition(transitions.size(), label, inputs, outputs);
        transitions.add(t);
        if (label != null) {
            byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(t);
        }
        return t;
    }

    void setSource(int place) {
        source = place;
    }

    void setSink(int place) {
        sink = place;
    }

    public int placeCount() {
        return places.size();
    }

    public String placeLabel(int place) {
        return places.get(place);
    }

    public List<Transition> transitions() {
        return Collections.unmodifiableList(transitions);
    }

    public List<Transition> transitions(String label) {
        return byLabel.getOrDefault(label, List.of());
    }

    public java.util.Set<String> labels() {
        return byLabel.keySet();
    }

    public int source() {
        return source;
    }

    public int sink() {
        return sink;
    }
}
