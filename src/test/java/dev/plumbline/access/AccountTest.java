package dev.plumbline.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountTest {

    @Test
    void aTeamRoleGrantsTheRolesItIncludesInThatTeamAndPlainly() {
        Account bob = new Account(1, "bob", "Bob", "x", false,
                Map.of("payments-data", Role.APPROVER, "risk-ml", Role.VIEWER));
        assertThat(bob.roles()).containsExactlyInAnyOrder("viewer", "editor", "approver",
                "team:payments-data:viewer", "team:payments-data:editor", "team:payments-data:approver",
                "team:risk-ml:viewer");
    }

    @Test
    void anAdminWithoutTeamsIsOnlyAdmin() {
        assertThat(new Account(2, "root", "Root", "x", true, Map.of()).roles()).containsExactly("admin");
    }
}
