package io.clearflow.bots.runtime;

/**
 * Where the embedded runtime gets its bot token when {@code clearflow.bots.token} is not set: the
 * platform that assembles this module (deploy) provides one that issues a token to the bot user at
 * start. On a separate bot host there is none, and the token comes from configuration.
 */
@FunctionalInterface
public interface BotTokenSource {

    String issueToken();
}
