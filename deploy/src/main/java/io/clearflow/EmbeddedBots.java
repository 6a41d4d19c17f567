package io.clearflow;

import io.clearflow.bots.runtime.BotTokenSource;
import io.clearflow.engine.api.NavigationItem;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.security.ApiTokenService;
import java.net.InetAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the bots (rpa-ocr-bots, which knows nothing of the engine's Java API) into the platform
 * they run in by default: their console in the navigation, and a bot token for the embedded
 * runtime, issued at start to the bot user ({@code clearflow.bots.embedded-user}, default
 * {@code rpa-bot}) unless {@code clearflow.bots.token} is configured. Only this assembly knows both
 * sides, so only it may join them.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedBots {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBots.class);

    @Bean
    NavigationItem rpaConsoleNavigation() {
        return new NavigationItem("nav.rpa", "/rpa", 85, List.of(PlatformRole.ADMIN.roleName(), PlatformRole.OPS.roleName(),
                PlatformRole.PROCESS_OWNER.roleName()), NavigationItem.OPERATIONS);
    }

    /**
     * One live token per node for the embedded bots: a restart revokes the one issued by the last
     * start of this node (it lived only in that JVM's memory) and issues a new one. A node is its host
     * and port: two nodes on one host must not revoke each other's token (the bots of the first would
     * get 401 on every call from the moment the second issued its own).
     */
    @Bean
    BotTokenSource embeddedBotToken(ApiTokenService tokens, OrgDirectory directory, Environment environment,
                                    @Value("${clearflow.bots.embedded-user:rpa-bot}") String botUser) {
        return () -> {
            var bot = directory.member(botUser).filter(m -> m.hasRole(PlatformRole.BOT)).orElse(null);
            if (bot == null) {
                log.warn("No bot user '{}': the embedded bots have no token (set clearflow.bots.token)", botUser);
                return null;
            }
            String name = tokenName(host(), environment.getProperty("local.server.port",
                    environment.getProperty("server.port", "8080")));
            tokens.tokens(botUser).stream().filter(t -> t.active() && t.name().equals(name))
                    .forEach(t -> tokens.revoke(botUser, t.id()));
            return tokens.issue(botUser, name).token();
        };
    }

    /** The token's name: one per node, so a restart finds (and revokes) the token of its previous start. */
    static String tokenName(String host, String port) {
        return "embedded bots @ " + host + ":" + port;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
