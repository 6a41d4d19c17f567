package io.clearflow.bots.runtime;

/**
 * A job-driven bot: the handler of one external-worker topic. Declare an implementation as a Spring bean and
 * the {@link BotRuntime} schedules it, runs it on demand and records its runs.
 *
 * <p>{@link #handle} returns what to report to the engine. A technical problem is thrown as an
 * exception: the runtime fails the job with a retry and back-off. A business exception is an
 * outcome ({@link BotOutcome#bpmnError}), not an exception.
 */
public interface Bot extends ScheduledBot {

    /** The external-worker topic of the BPMN service tasks this bot works on. */
    String topic();

    BotOutcome handle(BotJob job) throws Exception;
}
