package dev.plumbline.access;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The accounts every test may sign in as, created when the application under test starts. */
@ApplicationScoped
public class TestAccounts {

    public static final String PASSWORD = "test-password-1";
    public static final String ADMIN = "test-admin";
    public static final String EDITOR = "test-editor";
    public static final String VIEWER = "test-viewer";
    public static final String TEAM = "test-team";
    /** An approver (owner) of the test datasets' owning team. */
    public static final String APPROVER = "test-approver";
    /** An approver of the team that consumes the test datasets, and a viewer of the owning team. */
    public static final String CONSUMER = "test-consumer";
    public static final String CONSUMER_TEAM = "consumer-team";
    /** An editor, but of another team than the test datasets' owning team. */
    public static final String OUTSIDER = "test-outsider";

    void create(@Observes StartupEvent event, Accounts accounts) {
        accounts.create(ADMIN, "Test Admin", PASSWORD.toCharArray(), true);
        accounts.create(EDITOR, "Test Editor", PASSWORD.toCharArray(), false);
        accounts.applyMembership(EDITOR, TEAM, Role.EDITOR);
        accounts.create(VIEWER, "Test Viewer", PASSWORD.toCharArray(), false);
        accounts.applyMembership(VIEWER, TEAM, Role.VIEWER);
        accounts.create(APPROVER, "Test Approver", PASSWORD.toCharArray(), false);
        accounts.applyMembership(APPROVER, TEAM, Role.APPROVER);
        accounts.create(CONSUMER, "Test Consumer", PASSWORD.toCharArray(), false);
        accounts.applyMembership(CONSUMER, CONSUMER_TEAM, Role.APPROVER);
        accounts.applyMembership(CONSUMER, TEAM, Role.VIEWER);
        accounts.create(OUTSIDER, "Test Outsider", PASSWORD.toCharArray(), false);
        accounts.applyMembership(OUTSIDER, "other-team", Role.EDITOR);
    }
}
