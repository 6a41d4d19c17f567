package io.clearflow.delivery.evidence;

import io.clearflow.delivery.version.VersionRef;
import java.util.List;

/**
 * Evidence a version needs before a production change of a critical system may be approved or deployed (seed (c)
 * stress test, (d) vendor code audit). Each practice implements it as a bean; the change flow asks every bean and
 * refuses with the items found. An implementation answers for its own practice only and returns nothing for
 * versions it does not gate (e.g. non-critical systems).
 */
public interface PreGoLiveEvidence {

    /**
     * A missing or failed piece of evidence.
     *
     * @param kind       the practice, e.g. {@code stress-test} or {@code code-audit}
     * @param messageKey bundle key of the explanation, with {@code args} for its placeholders
     * @param link       where to look (a page of the practice), may be null
     */
    record Item(String kind, String messageKey, List<String> args, String link) {

        public Item {
            args = List.copyOf(args);
        }
    }

    /** What this practice still misses for the version; empty when its evidence is complete. */
    List<Item> missing(VersionRef version);
}
