package io.clearflow.bots.runtime;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The job a bot works on, with the platform client and the once-only guard for side effects. */
public final class BotJob {

    private final ExternalJob job;
    private final PlatformClient platform;
    private final BotStore store;
    private final String botName;

    BotJob(ExternalJob job, PlatformClient platform, BotStore store, String botName) {
        this.job = job;
        this.platform = platform;
        this.store = store;
        this.botName = botName;
    }

    public ExternalJob job() {
        return job;
    }

    public Map<String, Object> variables() {
        return job.variables();
    }

    public Optional<Object> variable(String name) {
        return Optional.ofNullable(job.variables().get(name));
    }

    /** The platform's REST API, authenticated as the bot. */
    public PlatformClient platform() {
        return platform;
    }

    public String idempotencyKey() {
        return job.idempotencyKey();
    }

    /**
     * Runs a side effect at most once per job, even when the job comes back after a crash: the result
     * is recorded in the bot's store under the job's key and the effect's name, and a re-delivered job
     * gets the recorded result instead of a second effect. The window between the effect and its record
     * remains (no store can close it for an outside system), so an effect on another system should also
     * pass {@link #idempotencyKey()} to that system.
     */
    public String once(String effect, Supplier<String> sideEffect) {
        String key = job.idempotencyKey() + "#" + effect;
        Optional<String> recorded = store.recorded(key);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        String result = sideEffect.get();
        return store.record(key, botName, result == null ? "" : result);
    }
}
