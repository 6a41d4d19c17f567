package io.clearflow.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.FileSystemUtils;

/**
 * What the platform nodes share: one embedded PostgreSQL (a real server, durable commits) and, when asked for, one
 * in-process KRaft Kafka broker with the events topic. Nodes get their settings as production gets them: the
 * environment variables of the compose file ({@code CLEARFLOW_DB_URL}, {@code KAFKA_BOOTSTRAP_SERVERS}, ...).
 */
public final class ClusterInfrastructure implements AutoCloseable {

    static final String DATABASE = "clearflow";

    public final Path folder;
    public final EmbeddedPostgres postgres;
    final EmbeddedKafkaKraftBroker kafka;

    public ClusterInfrastructure(Path folder, boolean withKafka) throws IOException {
        this.folder = folder.toAbsolutePath();
        FileSystemUtils.deleteRecursively(this.folder);
        Files.createDirectories(this.folder);
        // room for two nodes' pools, the test's own connections and psql-like checks
        postgres = EmbeddedPostgres.builder().setDataDirectory(this.folder.resolve("postgres")).setCleanDataDirectory(false)
                .setServerConfig("max_connections", "120").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        }
        if (withKafka) {
            // every topic the platform reads or writes with the kafka profile (compose's kafka-init creates the same)
            kafka = new EmbeddedKafkaKraftBroker(1, 3, KafkaTopics.ALL.toArray(String[]::new));
            kafka.brokerProperty("auto.create.topics.enable", "false");
            kafka.afterPropertiesSet();
        } else {
            kafka = null;
        }
    }

    public DataSource database() {
        return postgres.getDatabase("postgres", DATABASE);
    }

    /** A node of the cluster: its own port and data folder, the shared database and broker, demo users. */
    public PlatformNode node(String name, List<String> arguments) {
        return node(name, kafka == null ? "postgres" : "postgres,kafka", arguments);
    }

    /**
     * The migration step the Kubernetes Job runs before the replicas start ({@code postgres,migrate}): schema,
     * migrations, process deployments, first users; then the JVM exits.
     */
    public PlatformNode migration() {
        return node("migrate", "postgres,migrate", List.of());
    }

    private PlatformNode node(String name, String profiles, List<String> arguments) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", profiles);
        // ApplicationName shows which node a database session belongs to (pg_stat_activity)
        env.put("CLEARFLOW_DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE
                + "?ApplicationName=" + name);
        env.put("CLEARFLOW_DB_USER", "postgres");
        env.put("CLEARFLOW_DB_PASSWORD", "");
        env.put("CLEARFLOW_DB_POOL", "16");
        env.put("CLEARFLOW_DEMO", "true");
        env.put("CLEARFLOW_DATA_DIR", folder.resolve(name + "-data").toString());
        if (kafka != null) {
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.getBrokersAsString());
        }
        List<String> args = new ArrayList<>(List.of(
                // the load comes from one address as fast as it is answered: the rate limit is AbuseTest's subject
                "--clearflow.security.api-rate.enabled=false",
                "--logging.level.org.flowable=warn", "--logging.level.org.apache.kafka=warn"));
        args.addAll(arguments);
        return new PlatformNode(name, env, args, folder);
    }

    @Override
    public void close() throws IOException {
        if (kafka != null) {
            kafka.destroy();
        }
        postgres.close();
    }
}
