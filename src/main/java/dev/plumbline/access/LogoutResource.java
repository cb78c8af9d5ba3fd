package dev.plumbline.access;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signs out by expiring the session cookie, then shows the login form. */
@Path("/logout")
public class LogoutResource {

    private final RoutingContext routing;
    private final RequestAudit audit;
    private final String cookieName;

    public LogoutResource(RoutingContext routing, RequestAudit audit,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
        this.routing = routing;
        this.audit = audit;
        this.cookieName = cookieName;
    }

    @POST
    public Response logout() {
        audit.record("logout", "user", audit.actor(), Map.of());
        routing.response().addCookie(Cookie.cookie(cookieName, "").setPath("/").setMaxAge(0).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT));
        return Response.seeOther(URI.create("/login")).build();
    }
}
