package dev.plumbline.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Who is signed in for this request, as the page header shows it ({@code inject:currentUser}). */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String username() {
        return isSignedIn() ? identity.getPrincipal().getName() : "";
    }

    public String displayName() {
        String name = identity.getAttribute(SignedInIdentity.DISPLAY_NAME);
        return name == null ? username() : name;
    }

    public boolean isAdmin() {
        return identity.hasRole(Account.ADMIN);
    }
}
