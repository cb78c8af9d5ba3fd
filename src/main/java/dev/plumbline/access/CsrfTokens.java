package dev.plumbline.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signed double-submit CSRF tokens: the browser holds a random value in the {@code plumbline-csrf} cookie,
 * and a form or htmx request must also send HMAC-SHA256(key, cookie value, user name), which another site
 * can neither read nor compute. Binding the user name stops a token minted for one account from being
 * used with another account's session.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String COOKIE = "plumbline-csrf";
    public static final String FIELD = "csrf-token";
    public static final String HEADER = "X-CSRF-Token";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    public CsrfTokens(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        this.key = sessionKey.map(CsrfTokens::derive).orElseGet(CsrfTokens::randomKey);
    }

    /** A fresh random value for the cookie. */
    public static String newCookieValue() {
        byte[] value = new byte[32];
        RANDOM.nextBytes(value);
        return B64.encodeToString(value);
    }

    /** The token a form or htmx request of this user must send along with this cookie value. */
    public String token(String cookieValue, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal((cookieValue + "\n" + username).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether the token was made for this cookie value and user, compared in constant time. */
    public boolean matches(String cookieValue, String username, String token) {
        if (cookieValue == null || cookieValue.isEmpty() || token == null) {
            return false;
        }
        byte[] expected = token(cookieValue, username).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII));
    }

    // The session key is secret already; a derived key keeps the two uses apart.
    private static byte[] derive(String sessionKey) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("plumbline-csrf\n" + sessionKey).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
