package io.clearflow.delivery.version;

import java.util.Optional;

/**
 * What the test-submission and change flows need of versions (implemented by this package). Kept small so
 * that the flows depend on a contract, not on the version service's internals.
 */
public interface Versions {

    /** The version, or empty when there is none with this id. */
    Optional<VersionRef> find(long versionId);

    /**
     * Adds one entry to the version's timeline (who, when, what, from where); every module-level state change
     * of the version's submissions, changes and deployments lands here.
     *
     * @param kind   a message-bundle key suffix, e.g. {@code submission.accepted}
     * @param detail short free text (a comment, a gate verdict), may be null
     * @param link   a page path to the thing it is about, may be null
     */
    void record(long versionId, String kind, String actorUserId, String detail, String link);
}
