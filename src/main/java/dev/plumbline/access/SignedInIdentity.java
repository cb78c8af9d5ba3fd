package dev.plumbline.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The security identity of a signed-in account: its user name as principal and its roles. */
final class SignedInIdentity {

    static final String DISPLAY_NAME = "displayName";

    private SignedInIdentity() {
    }

    static SecurityIdentity of(Account account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addRoles(account.roles())
                .addAttribute(DISPLAY_NAME, account.displayName())
                .build();
    }
}
