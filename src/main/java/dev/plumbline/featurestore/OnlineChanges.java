package dev.plumbline.featurestore;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on PostgreSQL's channel {@code feature_online} (notified by a trigger on every change of the online
 * table, at commit, whichever replica or tool made it) and tells {@link OnlineCache}. It holds one connection of
 * its own, outside the pool; when that connection fails the cache is emptied and turned off until a new one
 * listens again, tried every {@link #RETRY_MILLIS} ms. An idle connection is checked every
 * {@link #CHECK_MILLIS} ms, so a connection that died silently does not leave the cache believing it hears.
 */
@ApplicationScoped
public class OnlineChanges {

    private static final Logger LOG = Logger.getLogger(OnlineChanges.class);
    static final String CHANNEL = "feature_online";
    static final int RETRY_MILLIS = 1000;
    static final int CHECK_MILLIS = 5000;

    private final OnlineCache cache;
    private final Config config;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    public OnlineChanges(OnlineCache cache, Config config) {
        this.cache = cache;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!cache.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "online-cache-changes");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        closeQuietly(connection);
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                cache.listening();
                if (warned) {
                    LOG.info("listening for changes of the online table again; online serving caches values again");
                    warned = false;
                }
                hear(c);
            } catch (SQLException | RuntimeException e) {
                if (running && !warned) {
                    LOG.warnf("not listening for changes of the online table (%s); online serving reads PostgreSQL"
                            + " for every request until it listens again", e.getMessage());
                    warned = true;
                }
            } finally {
                cache.deaf();
                connection = null;
            }
            pause();
        }
    }

    private void hear(Connection c) throws SQLException {
        PGConnection listening = c.unwrap(PGConnection.class);
        long checked = System.nanoTime();
        while (running) {
            PGNotification[] notifications = listening.getNotifications(CHECK_MILLIS);
            if (notifications != null && notifications.length > 0) {
                for (PGNotification notification : notifications) {
                    cache.changed(notification.getParameter());
                }
            } else if (System.nanoTime() - checked > CHECK_MILLIS * 1_000_000L) {
                if (!c.isValid(CHECK_MILLIS / 1000)) {
                    throw new SQLException("the listening connection stopped answering");
                }
                checked = System.nanoTime();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        config.getOptionalValue("quarkus.datasource.username", String.class)
                .ifPresent(user -> properties.setProperty("user", user));
        config.getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("ApplicationName", "plumbline online cache");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class), properties);
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing is all that is left to do
            }
        }
    }
}
