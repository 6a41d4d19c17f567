package io.clearflow.engine.governance.catalog;

import static io.clearflow.engine.governance.catalog.Vocabulary.CHARACTERISTICS_BY_MODE;
import static io.clearflow.engine.governance.catalog.Vocabulary.ELECTRONIC;
import static io.clearflow.engine.governance.catalog.Vocabulary.INTELLIGENT;
import static io.clearflow.engine.governance.catalog.Vocabulary.MODES;
import static io.clearflow.engine.governance.catalog.Vocabulary.SELF_SERVICE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The seed's classification rules (l.3600): each mode has three characteristics; the mode with
 * the most of them present is recommended. Ties are broken by what the rules make decisive:
 * external participants need a self-service channel; higher risk keeps people in the loop
 * (electronic); then intelligent before electronic. With none present, electronic: the
 * baseline of one step per node.
 */
public final class Classifier {

    /** @param matched per mode, the characteristics of the scenario that point to it */
    public record Reason(String mode, List<String> matched) { }

    /**
     * @param tieBreak {@code null}, or why one of several equally matched modes was chosen:
     *                 external-participants, high-risk, order, none-matched
     */
    public record Recommendation(String mode, List<Reason> reasons, String tieBreak) { }

    private Classifier() {
    }

    public static Recommendation recommend(Collection<String> characteristics) {
        List<Reason> reasons = new ArrayList<>();
        int best = 0;
        for (String mode : MODES) {
            List<String> matched = CHARACTERISTICS_BY_MODE.get(mode).stream().filter(characteristics::contains).toList();
            reasons.add(new Reason(mode, matched));
            best = Math.max(best, matched.size());
        }
        if (best == 0) {
            return new Recommendation(ELECTRONIC, reasons, "none-matched");
        }
        int top = best;
        List<String> leaders = reasons.stream().filter(r -> r.matched().size() == top).map(Reason::mode).toList();
        if (leaders.size() == 1) {
            return new Recommendation(leaders.get(0), reasons, null);
        }
        if (leaders.contains(SELF_SERVICE) && characteristics.contains("external-participants")) {
            return new Recommendation(SELF_SERVICE, reasons, "external-participants");
        }
        if (leaders.contains(ELECTRONIC) && characteristics.contains("high-risk")) {
            return new Recommendation(ELECTRONIC, reasons, "high-risk");
        }
        String chosen = leaders.contains(INTELLIGENT) ? INTELLIGENT : leaders.contains(ELECTRONIC) ? ELECTRONIC : SELF_SERVICE;
        return new Recommendation(chosen, reasons, "order");
    }
}
