package dev.plumbline.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** A real PostgreSQL server run from the binaries shipped on the classpath, its data kept in a folder. */
public final class LocalPostgres implements AutoCloseable {

    static final String DATABASE = "plumbline";
    static final String USER = "postgres";

    private static final Logger LOG = Logger.getLogger(LocalPostgres.class);

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts PostgreSQL on {@code port} (0 picks a free one), keeping an existing cluster in {@code dataDir}. */
    public static LocalPostgres start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    // The library's defaults trade durability for test speed; staging must survive a crash.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setRegisterShutdownHook(true);
            if (port > 0) {
                builder.setPort(port);
            }
            LocalPostgres postgres = new LocalPostgres(builder.start());
            postgres.createDatabaseIfMissing();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDir, e);
        }
    }

    /**
     * Stops a PostgreSQL that an earlier run left behind on this data folder (its JVM was killed, say), which
     * would otherwise hold the port and the folder. It has no clients left, so a smart shutdown is quick.
     */
    public static void stopLeftoverServer(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").endsWith("postgres")).ifPresent(p -> {
                LOG.warnf("Stopping the PostgreSQL (pid %d) an earlier run left on %s", pid, dataDir);
                p.destroy();
                try {
                    p.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.destroyForcibly();
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not read %s (%s); starting PostgreSQL anyway", pidFile, e.getMessage());
        }
    }

    public String jdbcUrl() {
        return server.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return server.getPort();
    }

    private void createDatabaseIfMissing() {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + DATABASE, e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
