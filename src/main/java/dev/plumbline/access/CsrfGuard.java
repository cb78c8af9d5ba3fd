package dev.plumbline.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses a state-changing request from a browser session (POST, PUT, PATCH, DELETE carrying the session
 * cookie) with {@code 403} unless it carries the CSRF token in the {@code X-CSRF-Token} header or the
 * {@code csrf-token} form field. Requests authenticated by an API token are exempt: a browser never sends
 * one by itself, so another site cannot make it do so.
 */
public class CsrfGuard {

    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final CsrfTokens tokens;
    private final SecurityIdentity identity;
    private final String sessionCookie;

    public CsrfGuard(CsrfTokens tokens, SecurityIdentity identity,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.tokens = tokens;
        this.identity = identity;
        this.sessionCookie = sessionCookie;
    }

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (SAFE_METHODS.contains(request.getMethod()) || SignedInIdentity.isByApiToken(identity)
                || routing.request().getCookie(sessionCookie) == null) {
            return null;
        }
        String token = request.getHeaderString(CsrfTokens.HEADER);
        if (token == null && request.getMediaType() != null
                && MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
            token = (String) ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(CsrfTokens.FIELD, true, false);
        }
        if (tokens.matches(CsrfCookie.value(routing), username(identity), token)) {
            return null;
        }
        return Response.status(403).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "missing or invalid CSRF token: reload the page and try again")).build();
    }

    static String username(SecurityIdentity identity) {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }
}
