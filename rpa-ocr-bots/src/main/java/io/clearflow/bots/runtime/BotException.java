package io.clearflow.bots.runtime;

/** A request the runtime refuses: an unknown bot, or a bot that is paused or already running. */
public class BotException extends RuntimeException {

    public enum Reason { UNKNOWN_BOT, PAUSED, ALREADY_RUNNING }

    private final Reason reason;

    public BotException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
