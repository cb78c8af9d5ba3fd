package dev.plumbline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.access.Account;
import dev.plumbline.access.Accounts;
import dev.plumbline.access.Sessions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The demo's people exist with the roles the README promises, and creating them twice changes nothing. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class DemoAccountsTest {

    @Inject
    DemoAccounts demoAccounts;
    @Inject
    Accounts accounts;

    @Test
    void theDemoPeopleHaveTheirRolesAndTheDemoPassword() {
        demoAccounts.create();
        demoAccounts.create();
        assertThat(role("alice")).contains("team:payments-data:editor").doesNotContain("approver");
        assertThat(role("bob")).contains("team:payments-data:approver");
        assertThat(role("carol")).contains("team:risk-ml:approver").doesNotContain("team:payments-data:viewer");
        assertThat(role("victor")).containsExactlyInAnyOrder("viewer", "team:payments-data:viewer");
        assertThat(role("ada")).containsExactly("admin");
        assertThat(Sessions.signIn("victor", "plumbline-demo").cookie()).isNotBlank();
    }

    private java.util.Set<String> role(String username) {
        return accounts.get(username).map(Account::roles).orElseThrow();
    }
}
