package io.clearflow.bots.runtime;

/**
 * Where a {@link SourceBot} takes its items from.
 *
 * @param kind     {@code folder} or {@code http} (the console labels it in the user's language)
 * @param location the folder or URL
 */
public record BotSource(String kind, String location) {

    @Override
    public String toString() {
        return kind + " " + location;
    }
}
