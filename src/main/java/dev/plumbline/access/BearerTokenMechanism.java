package dev.plumbline.access;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Authenticates scripts by {@code Authorization: Bearer <token>}, and tells callers that are not pages how to
 * authenticate: an API call gets {@code 401} with a JSON reason and a htmx request gets {@code 401} with
 * {@code HX-Redirect: /login}, where a page would be redirected to the login form. Runs before the form
 * mechanism, which answers everything else.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    static final String API_PREFIX = "/api/";
    private static final String BEARER = "Bearer ";
    private static final String UNAUTHORIZED = "{\"error\":\"sign in, or send Authorization: Bearer <token>\"}";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        context.put(HttpAuthenticationMechanism.class.getName(), this);
        var request = new TokenAuthenticationRequest(
                new TokenCredential(authorization.substring(BEARER.length()).strip(), "bearer"));
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (isApi(context)) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
        }
        if (isHtmx(context)) {
            return Uni.createFrom().item(new ChallengeData(401, "HX-Redirect", "/login"));
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!isApi(context) && context.request().getHeader("Authorization") == null) {
            return HttpAuthenticationMechanism.super.sendChallenge(context);
        }
        context.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer")
                .putHeader("Content-Type", "application/json").end(UNAUTHORIZED);
        return Uni.createFrom().item(true);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }

    static boolean isApi(RoutingContext context) {
        return context.normalizedPath().startsWith(API_PREFIX);
    }

    private static boolean isHtmx(RoutingContext context) {
        return "true".equals(context.request().getHeader("HX-Request"));
    }
}
