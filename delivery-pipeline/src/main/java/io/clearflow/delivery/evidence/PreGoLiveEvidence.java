package io.clearflow.delivery.evidence;

import java.util.List;

/**
 * Evidence a production change of a critical system needs before go-live (issue 15: a passed stress test, a
 * completed code audit). Each practice implements it; the change flow asks every implementation and refuses
 * while any names something missing.
 */
public interface PreGoLiveEvidence {

    /**
     * What is still missing for the version to go live in production, as message-bundle keys (or plain text);
     * empty when nothing is missing or when the version's system does not need this evidence.
     */
    List<String> missing(long versionId);
}
