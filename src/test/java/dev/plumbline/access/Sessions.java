package dev.plumbline.access;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs test accounts in through the login form, as a browser would (CSRF cookie and token included), and
 * reuses their session cookie and CSRF token for later requests.
 */
public final class Sessions {

    public static final String COOKIE = "plumbline-session";

    /** A signed-in browser: its session cookie, its CSRF cookie and the token pages give it. */
    public record Session(String cookie, String csrfCookie, String csrfToken) {

        /** A request from this browser, carrying the CSRF token as htmx does. */
        public RequestSpecification request() {
            return withoutToken().header(CsrfTokens.HEADER, csrfToken);
        }

        /** A request from this browser without the CSRF token, as a forged cross-site form would be. */
        public RequestSpecification withoutToken() {
            return given().cookie(COOKIE, cookie).cookie(CsrfTokens.COOKIE, csrfCookie);
        }
    }

    private static final Pattern FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();

    private Sessions() {
    }

    /** A request made by the signed-in test account. */
    public static RequestSpecification as(String username) {
        return session(username).request();
    }

    /** The session of a test account, signed in once. */
    public static Session session(String username) {
        return SESSIONS.computeIfAbsent(username, u -> signIn(u, TestAccounts.PASSWORD));
    }

    /** Signs in through the form and returns the new session. */
    public static Session signIn(String username, String password) {
        LoginForm form = LoginForm.open();
        Response response = form.post(username, password);
        String cookie = response.getCookie(COOKIE);
        if (response.statusCode() != 302 || cookie == null) {
            throw new IllegalStateException("could not sign in as " + username + ": " + response.statusLine());
        }
        String page = given().cookie(COOKIE, cookie).cookie(CsrfTokens.COOKIE, form.csrfCookie()).get("/").asString();
        return new Session(cookie, form.csrfCookie(), token(page));
    }

    /** Posts the login form, as a browser that has just loaded it, following no redirect. */
    public static Response postLogin(String username, String password) {
        return LoginForm.open().post(username, password);
    }

    static String token(String page) {
        Matcher m = FIELD.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF field on the page");
        }
        return m.group(1);
    }

    /** The login form as a browser has loaded it: the CSRF cookie it got and the token in the form. */
    public record LoginForm(String csrfCookie, String csrfToken) {

        static LoginForm open() {
            Response page = given().get("/login");
            return new LoginForm(page.getCookie(CsrfTokens.COOKIE), token(page.asString()));
        }

        public Response post(String username, String password) {
            return given().redirects().follow(false).cookie(CsrfTokens.COOKIE, csrfCookie)
                    .formParam("j_username", username).formParam("j_password", password)
                    .formParam(CsrfTokens.FIELD, csrfToken).post("/j_security_check");
        }
    }
}
