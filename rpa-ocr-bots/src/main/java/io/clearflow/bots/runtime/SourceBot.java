package io.clearflow.bots.runtime;

/**
 * A bot whose run pulls its items from a source of its own instead of acquiring engine jobs: a folder of
 * statements, an HTTP endpoint. Declare an implementation as a Spring bean; the {@link BotRuntime} schedules it,
 * runs it on demand, pauses it and records its runs exactly as it does for a {@link Bot}. The bot reports each item
 * it worked on to the {@link SourceRun} it is given; a thrown exception ends the run with that error.
 */
public interface SourceBot extends ScheduledBot {

    /** Where the items come from, for the console. */
    BotSource source();

    /** Works on everything the source has now, reporting each item to {@code run}; stops early when it asks to. */
    void run(SourceRun run) throws Exception;
}
