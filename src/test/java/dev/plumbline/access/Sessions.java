package dev.plumbline.access;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Signs test accounts in through the login form once and reuses their session cookie. */
public final class Sessions {

    public static final String COOKIE = "plumbline-session";

    private static final Map<String, String> COOKIES = new ConcurrentHashMap<>();

    private Sessions() {
    }

    /** A request made by the signed-in test account. */
    public static RequestSpecification as(String username) {
        return given().cookie(COOKIE, COOKIES.computeIfAbsent(username, u -> signIn(u, TestAccounts.PASSWORD)));
    }

    /** Posts the login form and returns the session cookie it sets. */
    public static String signIn(String username, String password) {
        Response response = postLogin(username, password);
        String cookie = response.getCookie(COOKIE);
        if (response.statusCode() != 302 || cookie == null) {
            throw new IllegalStateException("could not sign in as " + username + ": " + response.statusLine());
        }
        return cookie;
    }

    /** Posts the login form, following no redirect. */
    public static Response postLogin(String username, String password) {
        return given().redirects().follow(false).formParam("j_username", username)
                .formParam("j_password", password).post("/j_security_check");
    }
}
