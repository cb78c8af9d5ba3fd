package dev.plumbline.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The signed-in user's API tokens over JSON: create (the secret is in this one answer), list, revoke. */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    /** What creating a token takes: a name saying where it is used. */
    public record TokenRequest(String name) {
    }

    private final ApiTokens tokens;
    private final SecurityIdentity identity;
    private final RequestAudit audit;

    public TokenResource(ApiTokens tokens, SecurityIdentity identity, RequestAudit audit) {
        this.tokens = tokens;
        this.identity = identity;
        this.audit = audit;
    }

    @GET
    public List<ApiToken> list() {
        return tokens.list(username());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(TokenRequest request) {
        try {
            IssuedToken issued = tokens.create(username(), request == null ? null : request.name());
            audit.record("token.created", "api_token", String.valueOf(issued.id()), Map.of("name", issued.name()));
            return Response.status(Response.Status.CREATED).entity(issued).build();
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Map.of("error", e.getMessage())).build();
        }
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") long id) {
        if (!tokens.revoke(username(), id)) {
            throw new NotFoundException("no unrevoked token " + id + " of yours");
        }
        audit.record("token.revoked", "api_token", String.valueOf(id), Map.of());
        return Response.noContent().build();
    }

    private String username() {
        return identity.getPrincipal().getName();
    }
}
