package dev.plumbline.demo;

import dev.plumbline.access.Accounts;
import dev.plumbline.access.Role;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The demo's people, all with the demo password: alice edits and bob approves the payments-data team's
 * contracts, carol approves for the consuming team risk-ml, victor only looks, and ada is an administrator.
 */
@ApplicationScoped
public class DemoAccounts {

    /** One demo person and what they may do. */
    record Person(String username, String displayName, String team, Role role, boolean admin) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("alice", "Alice Editor", DemoDataset.OWNING_TEAM, Role.EDITOR, false),
            new Person("bob", "Bob Approver", DemoDataset.OWNING_TEAM, Role.APPROVER, false),
            new Person("carol", "Carol Consumer", DemoDataset.CONSUMER_TEAM, Role.APPROVER, false),
            new Person("victor", "Victor Viewer", DemoDataset.OWNING_TEAM, Role.VIEWER, false),
            new Person("ada", "Ada Admin", null, null, true));

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);

    private final DemoConfig config;
    private final Accounts accounts;

    public DemoAccounts(DemoConfig config, Accounts accounts) {
        this.config = config;
        this.accounts = accounts;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (config.enabled()) {
            create();
            LOG.infof("Demo accounts: %s, password from plumbline.demo.password",
                    PEOPLE.stream().map(Person::username).toList());
        }
    }

    /** Creates the demo people who do not exist yet; existing accounts keep their password. */
    public void create() {
        for (Person p : PEOPLE) {
            accounts.create(p.username(), p.displayName(), config.password().toCharArray(), p.admin());
            if (p.team() != null) {
                accounts.applyMembership(p.username(), p.team(), p.role());
            }
        }
    }
}
