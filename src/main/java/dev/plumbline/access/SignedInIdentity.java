package dev.plumbline.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The security identity of a signed-in account: its user name as principal and its roles. */
final class SignedInIdentity {

    static final String DISPLAY_NAME = "displayName";
    static final String BY_API_TOKEN = "plumbline.byApiToken";

    private SignedInIdentity() {
    }

    static SecurityIdentity of(Account account) {
        return builder(account).build();
    }

    /** The identity of a script that presented one of the account's API tokens. */
    static SecurityIdentity byApiToken(Account account) {
        return builder(account).addAttribute(BY_API_TOKEN, true).build();
    }

    static boolean isByApiToken(SecurityIdentity identity) {
        return Boolean.TRUE.equals(identity.getAttribute(BY_API_TOKEN));
    }

    private static QuarkusSecurityIdentity.Builder builder(Account account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addRoles(account.roles())
                .addAttribute(DISPLAY_NAME, account.displayName());
    }
}
