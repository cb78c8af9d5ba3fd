package dev.plumbline.contract;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Contracts as code: propose a new contract version (or a rollback) from a pipeline with an API token, revise
 * it, review it, activate it and read its status, under the same rules as in the browser. The
 * {@code /change-requests/{id}} routes serve feature view changes too.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeRequestResource {


    /** A review as the API takes it. */
    public record ReviewSpec(String verdict, String body, Integer line) {
    }

    private final ChangeRequests changes;
    private final ContractChanges contracts;
    private final ContractCatalog catalog;
    private final ConsumerSubscriptions consumers;

    public ChangeRequestResource(ChangeRequests changes, ContractChanges contracts, ContractCatalog catalog,
            ConsumerSubscriptions consumers) {
        this.changes = changes;
        this.contracts = contracts;
        this.catalog = catalog;
        this.consumers = consumers;
    }

    @POST
    @Path("/contracts/{name}/change-requests")
    @Consumes({"application/yaml", "text/yaml", MediaType.TEXT_PLAIN})
    public Response propose(@PathParam("name") String dataset, @QueryParam("title") String title,
            @QueryParam("draft") boolean draft, String odcsYaml) {
        return created(contracts.propose(dataset, title, odcsYaml, draft));
    }

    @POST
    @Path("/contracts/{name}/rollbacks")
    public Response proposeRollback(@PathParam("name") String dataset, @QueryParam("to") String version,
            @QueryParam("title") String title) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("say which version to roll back to: ?to=<version>");
        }
        return created(contracts.proposeRollback(dataset, title, version));
    }

    @GET
    @Path("/contracts/{name}/change-requests")
    public List<ChangeRequestView> ofDataset(@PathParam("name") String dataset) {
        return contracts.ofDataset(dataset);
    }

    /** Exactly the YAML of one version, as its author wrote it: what the API imports, it exports unchanged. */
    @GET
    @Path("/contracts/{name}/versions/{version}")
    @Produces("application/yaml")
    public String version(@PathParam("name") String dataset, @PathParam("version") String version) {
        return catalog.document(dataset, version);
    }

    @GET
    @Path("/change-requests/{id}")
    public ChangeRequestView get(@PathParam("id") long id) {
        return changes.view(id);
    }

    @PUT
    @Path("/change-requests/{id}")
    @Consumes({"application/yaml", "text/yaml", MediaType.TEXT_PLAIN})
    public ChangeRequestView revise(@PathParam("id") long id, String yaml) {
        return changes.view(changes.revise(id, yaml).id);
    }

    @POST
    @Path("/change-requests/{id}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response review(@PathParam("id") long id, ReviewSpec spec) {
        if (spec == null || spec.verdict() == null) {
            throw new IllegalArgumentException("a review needs a verdict: approve, request_changes or comment");
        }
        changes.review(id, Verdict.of(spec.verdict()), spec.body(), spec.line());
        return Response.status(Response.Status.CREATED).entity(changes.view(id)).build();
    }

    /** Puts a draft up for review. */
    @POST
    @Path("/change-requests/{id}/submit")
    public ChangeRequestView submit(@PathParam("id") long id) {
        return changes.view(changes.submit(id).id);
    }

    @POST
    @Path("/change-requests/{id}/activate")
    public ChangeRequestView activate(@PathParam("id") long id) {
        return changes.view(changes.activate(id).id);
    }

    @POST
    @Path("/change-requests/{id}/withdraw")
    public ChangeRequestView withdraw(@PathParam("id") long id) {
        return changes.view(changes.withdraw(id).id);
    }

    /** Subscribes a team as a consumer: breaking changes then need its approval. */
    @PUT
    @Path("/contracts/{name}/consumers/{team}")
    public Response subscribe(@PathParam("name") String dataset, @PathParam("team") String team) {
        consumers.subscribe(dataset, team);
        return Response.noContent().build();
    }

    @jakarta.ws.rs.DELETE
    @Path("/contracts/{name}/consumers/{team}")
    public Response unsubscribe(@PathParam("name") String dataset, @PathParam("team") String team) {
        consumers.unsubscribe(dataset, team);
        return Response.noContent().build();
    }

    private Response created(ChangeRequest request) {
        return Response.status(Response.Status.CREATED).entity(changes.view(request.id)).build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidContractException e) {
        return error(400, "the contract is invalid", Map.of("problems", e.problems()));
    }

    @ServerExceptionMapper
    public Response badRequest(IllegalArgumentException e) {
        return error(400, e.getMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response conflict(IllegalStateException e) {
        return error(409, e.getMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response notFound(NoSuchElementException e) {
        return error(404, e.getMessage(), Map.of());
    }

    private static Response error(int status, String message, Map<String, ?> more) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(more);
        body.put("error", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
