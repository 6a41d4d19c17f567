package io.clearflow.regtech.poll;

/**
 * A poll round ended: the scheduler's round over every due source, or one source polled on request.
 * Subscriptions deliver what the round stored as one notice per subscriber.
 */
public record PollRoundFinished(int sourcesPolled) { }
