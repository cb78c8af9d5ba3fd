package dev.plumbline.access;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Creates the first administrator from configuration when nobody can sign in yet. */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    private final AccessConfig.BootstrapAdmin config;
    private final Accounts accounts;

    public BootstrapAdmin(AccessConfig config, Accounts accounts) {
        this.config = config.bootstrapAdmin();
        this.accounts = accounts;
    }

    // Before anything else that creates accounts at start-up, such as the demo.
    void onStart(@Observes @Priority(0) StartupEvent event) {
        createIfNobodyExists();
    }

    /** Creates the configured administrator if no account exists; whether it did. */
    public boolean createIfNobodyExists() {
        if (!accounts.isEmpty()) {
            return false;
        }
        if (config.username().isEmpty() || config.password().isEmpty()) {
            LOG.warn("No account exists and nobody can sign in: set plumbline.access.bootstrap-admin.username "
                    + "and plumbline.access.bootstrap-admin.password to create the first administrator");
            return false;
        }
        String username = config.username().get();
        boolean created = accounts.create(username, config.displayName(), config.password().get().toCharArray(), true);
        if (created) {
            LOG.infof("Created the first administrator %s from plumbline.access.bootstrap-admin", username);
        }
        return created;
    }
}
