package io.clearflow.bots.runtime;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the bot runtime ({@code clearflow.bots.*}).
 *
 * @param enabled       run bots on their schedules in this JVM (run now still works when off)
 * @param platformUrl   the platform's base URL; empty in the platform JVM means its own port
 * @param token         the bot user's API token; empty in the platform JVM means one issued at start (see README)
 * @param zone          time zone of the cron schedules (the firm's business hours)
 * @param lockDuration  how long an acquired job stays locked to this worker
 * @param batchSize     jobs acquired per request
 * @param maxItemsPerRun safety stop of one run
 * @param retryBackoff  retry timeout after the first technical failure; doubled per further failure, at most one hour
 * @param bot           per-bot settings by bot name: {@code cron} (empty: on demand only) and {@code lock-duration}
 */
@ConfigurationProperties("clearflow.bots")
public record BotsProperties(@DefaultValue("true") boolean enabled, String platformUrl, String token,
                             @DefaultValue("Asia/Shanghai") String zone, @DefaultValue("PT5M") Duration lockDuration,
                             @DefaultValue("10") int batchSize, @DefaultValue("500") int maxItemsPerRun,
                             @DefaultValue("PT30S") Duration retryBackoff, Map<String, BotSettings> bot) {

    public BotsProperties {
        bot = bot == null ? Map.of() : Map.copyOf(bot);
        if (batchSize < 1 || batchSize > 100) {
            throw new IllegalArgumentException("clearflow.bots.batch-size must be 1..100");
        }
    }

    /** Settings of one bot; null fields fall back to the bot's default and the runtime's. */
    public record BotSettings(String cron, Duration lockDuration) { }

    String cron(ScheduledBot b) {
        BotSettings s = bot.get(b.name());
        return s != null && s.cron() != null ? s.cron().strip() : b.defaultCron();
    }

    Duration lock(Bot b) {
        BotSettings s = bot.get(b.name());
        return s != null && s.lockDuration() != null ? s.lockDuration() : lockDuration;
    }
}
