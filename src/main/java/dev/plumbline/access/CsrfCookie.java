package dev.plumbline.access;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Gives every browser the random {@code plumbline-csrf} cookie that its CSRF tokens are made from. A script calling
 * the API with a bearer token gets none: its requests are exempt from CSRF checks and it keeps no cookies, so each
 * call would otherwise pay for a new random value and a {@code Set-Cookie} header.
 */
@ApplicationScoped
public class CsrfCookie {

    private static final String NEW_VALUE = CsrfCookie.class.getName();

    void register(@Observes Filters filters) {
        filters.register(CsrfCookie::ensure, 10);
    }

    /** The cookie value of this request: the one the browser sent, or the one being set now. */
    public static String value(RoutingContext routing) {
        String fresh = routing.get(NEW_VALUE);
        if (fresh != null) {
            return fresh;
        }
        Cookie cookie = routing.request().getCookie(CsrfTokens.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private static void ensure(RoutingContext routing) {
        if (routing.request().getCookie(CsrfTokens.COOKIE) == null && !isApiCallWithToken(routing)) {
            String value = CsrfTokens.newCookieValue();
            routing.put(NEW_VALUE, value);
            routing.response().addCookie(Cookie.cookie(CsrfTokens.COOKIE, value).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setSecure(routing.request().isSSL()));
        }
        routing.next();
    }

    private static boolean isApiCallWithToken(RoutingContext routing) {
        String authorization = routing.request().getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && routing.normalizedPath().startsWith(BearerTokenMechanism.API_PREFIX);
    }
}
