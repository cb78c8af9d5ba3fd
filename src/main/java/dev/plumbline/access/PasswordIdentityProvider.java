package dev.plumbline.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a user name and password from the login form against the accounts, and records every attempt in
 * the audit log. The form must carry the CSRF token of the login page, so that another site cannot sign a
 * browser into an account of its choosing. Too many failures for a user name or from an address refuse
 * further attempts for a while. An unknown user name costs the same hash computation as a known one, so
 * the time taken does not tell which user names exist.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final String LOCKED_PAGE = "/login?error=locked";
    private static final String UNKNOWN_USER_HASH = PasswordHash.hash("not anyone's password".toCharArray());

    private final Accounts accounts;
    private final CsrfTokens csrf;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    public PasswordIdentityProvider(Accounts accounts, CsrfTokens csrf, LoginThrottle throttle, AuditLog audit) {
        this.accounts = accounts;
        this.csrf = csrf;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("not a login form"));
        }
        String username = request.getUsername().strip().toLowerCase(Locale.ROOT);
        String address = routing.request().remoteAddress().hostAddress();
        String refusal = null;
        if (!csrf.matches(CsrfCookie.value(routing), "", routing.request().formAttributes().get(CsrfTokens.FIELD))) {
            refusal = "login form without its CSRF token";
        } else if (throttle.isLocked(username, address)) {
            refusal = "too many failed sign-ins";
            sendToLockedPage(routing);
        }
        String refused = refusal;
        return context.runBlocking(() -> check(username, request.getPassword().getPassword(), address, refused));
    }

    SecurityIdentity check(String username, char[] password, String address, String refusal) {
        if (refusal != null) {
            throw failed(username, address, "login.refused", refusal);
        }
        Optional<Account> account = accounts.get(username);
        String stored = account.map(Account::passwordHash).orElse(UNKNOWN_USER_HASH);
        boolean matches = PasswordHash.verify(password, stored);
        if (account.isEmpty() || !matches) {
            throttle.failed(username, address);
            throw failed(username, address, "login.failed", "wrong user name or password");
        }
        throttle.succeeded(username);
        audit.record(username, "login.succeeded", "user", username, Map.of(), address);
        return SignedInIdentity.of(account.get());
    }

    private AuthenticationFailedException failed(String username, String address, String action, String reason) {
        audit.record("anonymous", action, "user", username, Map.of("reason", reason), address);
        return new AuthenticationFailedException(reason);
    }

    // Form authentication redirects every failure to its one error page; a refusal gets its own message.
    private static void sendToLockedPage(RoutingContext routing) {
        routing.addHeadersEndHandler(v -> {
            if (routing.response().getStatusCode() == 302) {
                routing.response().headers().set("Location", LOCKED_PAGE);
            }
        });
    }
}
