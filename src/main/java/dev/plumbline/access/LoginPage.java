package dev.plumbline.access;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sign-in form; it posts to Quarkus' form authentication at {@code /j_security_check}. Someone already
 * signed in is sent to the dashboard, so the form always carries the anonymous visitor's CSRF token.
 */
@Path("/login")
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String error, boolean demo);
    }

    private final CurrentUser currentUser;
    private final boolean demo;

    public LoginPage(CurrentUser currentUser,
            @ConfigProperty(name = "plumbline.demo.enabled", defaultValue = "false") boolean demo) {
        this.currentUser = currentUser;
        this.demo = demo;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response index(@QueryParam("error") String error) {
        if (currentUser.isSignedIn()) {
            return Response.seeOther(URI.create("/")).build();
        }
        if ("locked".equals(error)) {
            return Response.status(429).entity(Templates.index(
                    "Too many failed sign-ins. Wait a few minutes, then try again.", demo)).build();
        }
        return Response.ok(Templates.index(error == null ? null : "Wrong user name or password.", demo)).build();
    }
}
