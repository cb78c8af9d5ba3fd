package dev.plumbline.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.EmbeddedStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The first administrator comes from configuration, once; stored passwords are salted hashes. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class BootstrapAdminTest {

    static final String CONFIGURED = "test-root";

    @Inject
    BootstrapAdmin bootstrap;
    @Inject
    Accounts accounts;

    @Test
    void theConfiguredAdministratorWasCreatedAndCanSignIn() {
        Account root = accounts.get(CONFIGURED).orElseThrow();
        assertThat(root.admin()).isTrue();
        assertThat(root.passwordHash()).startsWith("pbkdf2-sha256$").doesNotContain("test-root-password");
        assertThat(Sessions.signIn(CONFIGURED, "test-root-password").cookie()).isNotBlank();
    }

    @Test
    void onceAnyAccountExistsNothingIsCreatedAgain() {
        String before = accounts.get(CONFIGURED).orElseThrow().passwordHash();
        assertThat(bootstrap.createIfNobodyExists()).isFalse();
        assertThat(accounts.get(CONFIGURED).orElseThrow().passwordHash()).isEqualTo(before);
    }

    @Test
    void twoAccountsWithTheSamePasswordStoreDifferentHashes() {
        String editor = accounts.get(TestAccounts.EDITOR).orElseThrow().passwordHash();
        String viewer = accounts.get(TestAccounts.VIEWER).orElseThrow().passwordHash();
        assertThat(editor).isNotEqualTo(viewer);
        assertThat(PasswordHash.verify(TestAccounts.PASSWORD.toCharArray(), editor)).isTrue();
        assertThat(PasswordHash.verify(TestAccounts.PASSWORD.toCharArray(), viewer)).isTrue();
    }
}
