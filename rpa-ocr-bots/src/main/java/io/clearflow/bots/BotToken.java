package io.clearflow.bots;

import io.clearflow.bots.runtime.BotTokenSource;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;

/** The bots' API token: the configured one, or one issued by the embedding platform when first asked for. */
final class BotToken implements Supplier<String> {

    private final AtomicReference<String> token;
    private final ObjectProvider<BotTokenSource> tokens;

    BotToken(String configured, ObjectProvider<BotTokenSource> tokens) {
        this.token = new AtomicReference<>(blankToNull(configured));
        this.tokens = tokens;
    }

    @Override
    public String get() {
        if (token.get() == null) {
            // one issue at a time: bots starting together would each issue one, and each issue revokes the
            // previous embedded token, so the one kept could be a revoked one (401 on every call)
            synchronized (token) {
                BotTokenSource source = tokens.getIfAvailable();
                if (token.get() == null && source != null) {
                    token.set(source.issueToken());
                }
            }
        }
        return token.get();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
