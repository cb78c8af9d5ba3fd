package dev.plumbline.access;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The signed-in user's API tokens in the browser: create one (shown once, on this answer only), revoke. */
@Path("/tokens")
@Produces(MediaType.TEXT_HTML)
public class TokensPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<ApiToken> tokens, IssuedToken issued, String error);
    }

    private final ApiTokens tokens;
    private final SecurityIdentity identity;
    private final RequestAudit audit;

    public TokensPage(ApiTokens tokens, SecurityIdentity identity, RequestAudit audit) {
        this.tokens = tokens;
        this.identity = identity;
        this.audit = audit;
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(tokens.list(username()), null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("name") String name) {
        try {
            IssuedToken issued = tokens.create(username(), name);
            audit.record("token.created", "api_token", String.valueOf(issued.id()), Map.of("name", issued.name()));
            return Response.ok(Templates.index(tokens.list(username()), issued, null))
                    .header("Cache-Control", "no-store").build();
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Templates.index(tokens.list(username()), null, e.getMessage())).build();
        }
    }

    @POST
    @Path("/{id}/revoke")
    public Response revoke(@PathParam("id") long id) {
        if (tokens.revoke(username(), id)) {
            audit.record("token.revoked", "api_token", String.valueOf(id), Map.of());
        }
        return Response.seeOther(URI.create("/tokens")).build();
    }

    private String username() {
        return identity.getPrincipal().getName();
    }
}
