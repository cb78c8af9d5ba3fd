package dev.plumbline.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The CSRF token of this request's browser and user, as forms and the layout embed it ({@code inject:csrf}). */
@RequestScoped
@Named("csrf")
public class CsrfToken {

    private final CsrfTokens tokens;
    private final RoutingContext routing;
    private final SecurityIdentity identity;

    public CsrfToken(CsrfTokens tokens, RoutingContext routing, SecurityIdentity identity) {
        this.tokens = tokens;
        this.routing = routing;
        this.identity = identity;
    }

    public String token() {
        return tokens.token(CsrfCookie.value(routing), CsrfGuard.username(identity));
    }

    public String field() {
        return CsrfTokens.FIELD;
    }
}
