package io.clearflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.clearflow.bots.runtime.BotTokenSource;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.security.ApiTokenService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * The embedded bots' token is one per node: two nodes on one host (two JVMs, two ports) each keep their own live
 * token, while a node started again revokes the one of its previous start. Before, the token was one per host, so the
 * second node revoked the first node's token and the first node's bots got 401 from then on.
 */
class EmbeddedBotTokensTest {

    final DriverManagerDataSource database = new DriverManagerDataSource(
            "jdbc:h2:mem:bot-tokens-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    final ApiTokenService tokens;
    final OrgDirectory directory = mock(OrgDirectory.class);

    EmbeddedBotTokensTest() {
        Flyway.configure().dataSource(database).locations("classpath:db/migration/engine").load().migrate();
        tokens = new ApiTokenService(database, Clock.systemUTC());
        when(directory.member("rpa-bot")).thenReturn(Optional.of(
                new Member("rpa-bot", "RPA", null, null, List.of(PlatformRole.BOT.groupId()))));
    }

    @Test
    void twoNodesOnOneHostKeepTheirOwnTokensAndARestartReplacesOnlyItsOwn() {
        String first = source(8081).issueToken();
        String second = source(8082).issueToken();

        assertThat(tokens.authenticate(first)).as("the first node's bots still sign in").contains("rpa-bot");
        assertThat(tokens.authenticate(second)).contains("rpa-bot");

        String firstAgain = source(8081).issueToken(); // the first node restarted
        assertThat(tokens.authenticate(first)).as("its previous token is revoked").isEmpty();
        assertThat(tokens.authenticate(firstAgain)).contains("rpa-bot");
        assertThat(tokens.authenticate(second)).as("the other node's token is untouched").contains("rpa-bot");
        assertThat(tokens.tokens("rpa-bot").stream().filter(ApiTokenService.TokenInfo::active)
                .map(ApiTokenService.TokenInfo::name)).hasSize(2).allSatisfy(name -> assertThat(name).startsWith("embedded bots @ "))
                .doesNotHaveDuplicates();
    }

    private BotTokenSource source(int port) {
        MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", String.valueOf(port));
        return new EmbeddedBots().embeddedBotToken(tokens, directory, environment, "rpa-bot");
    }
}
