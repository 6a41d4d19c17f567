package io.clearflow.mining.log;

/**
 * The dictionaries of a log: attribute ids to names. An {@link EventLog} has them all; a streaming
 * analysis builds them while it reads. Ids are dense, in order of first appearance in the file.
 */
public interface LogNames {

    String activityName(int id);

    int activityCount();

    /** {@code null} for {@link EventLog#NONE}. */
    String resourceName(int id);

    int resourceCount();

    String groupName(int id);

    int groupCount();

    String roleName(int id);

    int roleCount();
}
