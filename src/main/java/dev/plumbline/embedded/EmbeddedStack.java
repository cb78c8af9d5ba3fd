package dev.plumbline.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The embedded defaults: a PostgreSQL server and a Kafka broker started only where the standard Quarkus
 * settings name no external one, so a fresh machine runs Plumbline with nothing installed.
 */
public final class EmbeddedStack implements AutoCloseable {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";

    private static final Logger LOG = Logger.getLogger(EmbeddedStack.class);

    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<AutoCloseable> started = new ArrayList<>();

    /**
     * Starts what is not configured. {@code lookup} reads a setting by its property name, the way
     * {@link #fromEnvironment} does; the data of both servers goes under {@code dataDir}.
     */
    public static EmbeddedStack startUnconfigured(Function<String, String> lookup, Path dataDir, int postgresPort,
            int kafkaPort) {
        EmbeddedStack stack = new EmbeddedStack();
        try {
            if (lookup.apply(JDBC_URL) == null) {
                LocalPostgres.stopLeftoverServer(dataDir.resolve("postgres"));
                requireFree(postgresPort, "PostgreSQL", JDBC_URL, "plumbline.embedded.postgres-port");
                LocalPostgres postgres = LocalPostgres.start(dataDir.resolve("postgres"), postgresPort);
                stack.started.add(postgres);
                stack.settings.put(JDBC_URL, postgres.jdbcUrl());
                stack.settings.put("quarkus.datasource.username", LocalPostgres.USER);
                stack.settings.put("quarkus.datasource.password", "");
                LOG.infof("Embedded PostgreSQL on port %d, data in %s", postgres.port(), dataDir.resolve("postgres"));
            }
            if (lookup.apply(BOOTSTRAP_SERVERS) == null) {
                requireFree(kafkaPort, "Kafka", BOOTSTRAP_SERVERS, "plumbline.embedded.kafka-port");
                LocalKafka kafka = LocalKafka.start(dataDir.resolve("kafka"), kafkaPort);
                stack.started.add(kafka);
                stack.settings.put(BOOTSTRAP_SERVERS, kafka.bootstrapServers());
                LOG.infof("Embedded Kafka broker at %s, log in %s", kafka.bootstrapServers(), dataDir.resolve("kafka"));
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static void requireFree(int port, String server, String external, String portSetting) {
        if (port <= 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is taken, so the embedded " + server + " cannot start. "
                    + "Set " + external + " to use a running one, or " + portSetting + " to another port.", e);
        }
    }

    /**
     * Starts what the environment does not configure, with the data folder ({@code plumbline.data-dir},
     * default {@code data}) and ports ({@code plumbline.embedded.postgres-port}, default 54329;
     * {@code plumbline.embedded.kafka-port}, default 9092) the environment gives.
     */
    public static EmbeddedStack startFromEnvironment() {
        return startUnconfigured(EmbeddedStack::fromEnvironment, Path.of(setting("plumbline.data-dir", "data")),
                Integer.parseInt(setting("plumbline.embedded.postgres-port", "54329")),
                Integer.parseInt(setting("plumbline.embedded.kafka-port", "9092")));
    }

    private static String setting(String property, String fallback) {
        String value = fromEnvironment(property);
        return value == null ? fallback : value;
    }

    /** Reads a setting from system properties, then from its environment variable (Quarkus' naming rule). */
    public static String fromEnvironment(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** The settings that point Quarkus at what was started here. */
    public Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("Embedded server did not stop cleanly", e);
            }
        }
        started.clear();
    }
}
