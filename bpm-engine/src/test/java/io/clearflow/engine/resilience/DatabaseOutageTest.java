package io.clearflow.engine.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.ibatis.exceptions.PersistenceException;
import org.flowable.common.engine.api.FlowableException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

/** Which failures count as the database being down, and the start-up wait built on that; no Spring context. */
class DatabaseOutageTest {

    @Test
    void outagesAreFoundDeepInTheWrappersOfFlowableMyBatisAndSpringSecurity() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001");
        var wrapped = new InternalAuthenticationServiceException("lookup failed",
                new FlowableException("query failed", new PersistenceException("mybatis", refused)));
        assertThat(DatabaseOutage.in(wrapped)).contains(refused);
        assertThat(DatabaseOutage.in(new SQLException("terminating connection due to administrator command", "57P01"))).isPresent();
        assertThat(DatabaseOutage.in(new SQLException("sorry, too many clients already", "53300"))).isPresent();
        assertThat(DatabaseOutage.in(new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))).isPresent();
        assertThat(DatabaseOutage.in(new CannotGetJdbcConnectionException("no connection"))).isPresent();
        // too slow: the statement timeout fired (PostgreSQL, H2), a lock was not granted in time
        assertThat(DatabaseOutage.in(new org.springframework.dao.QueryTimeoutException("timeout",
                new SQLException("canceling statement due to statement timeout", "57014")))).isPresent();
        assertThat(DatabaseOutage.in(new SQLException("could not obtain lock on row", "55P03"))).isPresent();
        assertThat(DatabaseOutage.in(new SQLException("Timeout trying to lock table", "HYT00"))).isPresent();
        // Hikari's closed-connection proxy says so without an SQLSTATE; the rollback's failure is what reaches us
        assertThat(DatabaseOutage.in(new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isPresent();
    }

    @Test
    void otherDatabaseErrorsAreNotOutages() {
        assertThat(DatabaseOutage.in(new SQLException("duplicate key value violates unique constraint", "23505"))).isEmpty();
        assertThat(DatabaseOutage.in(new SQLException("password authentication failed", "28P01"))).isEmpty();
        assertThat(DatabaseOutage.in(new DataIntegrityViolationException("constraint"))).isEmpty();
        assertThat(DatabaseOutage.in(new IllegalStateException("a bug"))).isEmpty();
        assertThat(DatabaseOutage.in(new org.springframework.transaction.TransactionSystemException("commit refused"))).isEmpty();
        assertThat(DatabaseOutage.in(null)).isEmpty();
    }

    @Test
    void theStatementTimeoutIsSetOnPostgresqlPoolsOnlyAndNeverOverAnOperatorsOwnInitSql() {
        var timeout = new StatementTimeout(Duration.ofSeconds(7));
        var postgres = new com.zaxxer.hikari.HikariDataSource();
        postgres.setJdbcUrl("jdbc:postgresql://localhost:5432/clearflow");
        timeout.postProcessBeforeInitialization(postgres, "dataSource");
        assertThat(postgres.getConnectionInitSql()).isEqualTo("SET statement_timeout = 7000");

        var own = new com.zaxxer.hikari.HikariDataSource();
        own.setJdbcUrl("jdbc:postgresql://localhost:5432/clearflow");
        own.setConnectionInitSql("SET statement_timeout = 1000");
        timeout.postProcessBeforeInitialization(own, "dataSource");
        assertThat(own.getConnectionInitSql()).isEqualTo("SET statement_timeout = 1000");

        var h2 = new com.zaxxer.hikari.HikariDataSource();
        h2.setJdbcUrl("jdbc:h2:mem:x");
        timeout.postProcessBeforeInitialization(h2, "dataSource");
        assertThat(h2.getConnectionInitSql()).isNull();

        var off = new com.zaxxer.hikari.HikariDataSource();
        off.setJdbcUrl("jdbc:postgresql://localhost:5432/clearflow");
        new StatementTimeout(Duration.ZERO).postProcessBeforeInitialization(off, "dataSource");
        assertThat(off.getConnectionInitSql()).isNull();
    }

    @Test
    void theStartWaitsForADatabaseThatComesUpAndGivesUpAtOnceOnAWrongPassword() {
        FlakyDataSource comingUp = new FlakyDataSource(2, "08001");
        new DatabaseStartupWait(Duration.ofSeconds(30)).awaitDatabase(comingUp, "dataSource");
        assertThat(comingUp.attempts.get()).isEqualTo(3);

        FlakyDataSource wrongPassword = new FlakyDataSource(Integer.MAX_VALUE, "28P01");
        assertThatThrownBy(() -> new DatabaseStartupWait(Duration.ofSeconds(30)).awaitDatabase(wrongPassword, "dataSource"))
                .hasMessageContaining("not reachable");
        assertThat(wrongPassword.attempts.get()).as("no point in waiting for a wrong password").isEqualTo(1);

        FlakyDataSource neverUp = new FlakyDataSource(Integer.MAX_VALUE, "08001");
        assertThatThrownBy(() -> new DatabaseStartupWait(Duration.ofMillis(1500)).awaitDatabase(neverUp, "dataSource"))
                .hasMessageContaining("within PT1.5S");
        assertThat(neverUp.attempts.get()).isEqualTo(2); // at 0 s and 1 s; the next pause (2 s) would pass the limit
    }

    /** Refuses the first {@code failures} connections with the given SQLSTATE, then connects. */
    static final class FlakyDataSource implements DataSource {
        final AtomicInteger attempts = new AtomicInteger();
        final int failures;
        final String state;

        FlakyDataSource(int failures, String state) {
            this.failures = failures;
            this.state = state;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (attempts.incrementAndGet() <= failures) {
                throw new SQLException("refused", state);
            }
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> null);
        }

        @Override public Connection getConnection(String u, String p) throws SQLException { return getConnection(); }
        @Override public PrintWriter getLogWriter() { return null; }
        @Override public void setLogWriter(PrintWriter out) { }
        @Override public void setLoginTimeout(int seconds) { }
        @Override public int getLoginTimeout() { return 0; }
        @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
        @Override public <T> T unwrap(Class<T> iface) { return null; }
        @Override public boolean isWrapperFor(Class<?> iface) { return false; }
    }
}
