package dev.plumbline.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a valid, unrevoked API token into its owner's identity, with the owner's current roles; a token checked
 * within the cache's TTL is answered from {@link TokenCache} on the calling thread, without the database.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final ApiTokens tokens;
    private final Accounts accounts;
    private final TokenCache cache;

    public TokenIdentityProvider(ApiTokens tokens, Accounts accounts, TokenCache cache) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.cache = cache;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        String sha256 = ApiTokens.sha256(token);
        SecurityIdentity cached = cache.get(sha256);
        if (cached != null && !cache.claimRefresh(sha256)) {
            return Uni.createFrom().item(cached);
        }
        return context.runBlocking(() -> {
            long generation = cache.generation();
            var identity = tokens.use(token).flatMap(accounts::get).map(SignedInIdentity::byApiToken);
            if (identity.isEmpty()) {
                cache.forget(sha256);
                throw new AuthenticationFailedException("unknown or revoked API token");
            }
            cache.put(sha256, identity.get(), generation);
            return identity.get();
        });
    }
}
