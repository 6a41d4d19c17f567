package io.clearflow.bots.runtime;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bots by name, each checked once when the runtime is built (a unique name, one of the two kinds, a valid
 * cron), so a misconfigured bot stops the start instead of failing on its first run.
 */
final class BotRegistry {

    private final Map<String, ScheduledBot> bots = new LinkedHashMap<>();

    BotRegistry(List<? extends ScheduledBot> bots, BotSchedule schedule) {
        bots.forEach(bot -> {
            if (this.bots.putIfAbsent(bot.name(), bot) != null) {
                throw new IllegalStateException("two bots are named " + bot.name());
            }
            if (!(bot instanceof Bot) && !(bot instanceof SourceBot)) {
                throw new IllegalStateException("bot " + bot.name() + " is neither a Bot nor a SourceBot");
            }
            schedule.check(bot);
        });
    }

    /** The bot of that name; an unknown name is the caller's mistake (404 in the console and the API). */
    ScheduledBot bot(String name) {
        ScheduledBot bot = bots.get(name);
        if (bot == null) {
            throw new BotException(BotException.Reason.UNKNOWN_BOT, "no bot named " + name);
        }
        return bot;
    }

    Collection<ScheduledBot> all() {
        return bots.values();
    }

    Set<String> names() {
        return bots.keySet();
    }
}
