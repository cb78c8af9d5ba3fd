package dev.plumbline.alert;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.jboss.logging.Logger;

/**
 * The routing file in force. A mistake in it stops the start with its path; afterwards the file is read again
 * whenever it changes, and a changed file with a mistake is logged and ignored, the last good one staying in
 * force (as Alertmanager does on reload).
 */
@ApplicationScoped
@Startup
public class Routing {

    private static final Logger LOG = Logger.getLogger(Routing.class);
    static final String NOBODY = """
            route:
              receiver: nobody
            receivers:
              - name: nobody
            """;

    private final AlertRoutingConfig settings;
    private volatile AlertingConfig config;
    private volatile FileTime readAt;

    public Routing(AlertRoutingConfig settings) {
        this.settings = settings;
        if (settings.file().isEmpty()) {
            LOG.info("plumbline.alert.routing.file is not set: alerts are shown at /alerts but sent nowhere");
            config = AlertingConfigParser.parse(NOBODY);
        } else {
            Path file = Path.of(settings.file().get());
            readAt = modified(file);
            config = read(file);
        }
    }

    private static AlertingConfig read(Path file) {
        try {
            return AlertingConfigParser.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the routing file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The route tree, receivers and inhibition rules, read again first if the file changed. */
    public AlertingConfig config() {
        settings.file().map(Path::of).ifPresent(this::reloadIfChanged);
        return config;
    }

    private synchronized void reloadIfChanged(Path file) {
        FileTime modified = modified(file);
        if (modified == null || modified.equals(readAt)) {
            return;
        }
        readAt = modified;
        try {
            config = read(file);
            LOG.infof("read the routing file %s again", file);
        } catch (RuntimeException e) {
            LOG.errorf("the routing file %s changed but is not usable, keeping the previous one: %s", file,
                    e.getMessage());
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    public String externalUrl() {
        return settings.externalUrl().replaceAll("/+$", "");
    }
}
