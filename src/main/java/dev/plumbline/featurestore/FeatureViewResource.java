package dev.plumbline.featurestore;

import dev.plumbline.access.RequestAudit;
import dev.plumbline.access.TeamAccess;
import dev.plumbline.contract.ChangeRequests;
import dev.plumbline.contract.InvalidContractException;
import dev.plumbline.transform.FeatureSpec;
import dev.plumbline.transform.FeatureViewVersion;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** The feature view registry over JSON: apply a YAML version, get, list, delete (Feast's verbs). */
@Path("/api/feature-views")
@Produces(MediaType.APPLICATION_JSON)
public class FeatureViewResource {

    /** A feature view version as the API shows it. */
    public record ViewJson(String name, String version, String status, String owner, String source, String entity,
            String eventTimeField, List<FeatureJson> features, String createdBy, Instant createdAt,
            List<String> versions) {
    }

    /** One feature of a view. */
    public record FeatureJson(String name, String aggregation, String field, String window) {
    }

    private final FeatureRegistry registry;
    private final FeatureViewConsumers consumers;
    private final FeatureViewChanges proposals;
    private final ChangeRequests changes;
    private final TeamAccess access;
    private final RequestAudit request;

    public FeatureViewResource(FeatureRegistry registry, FeatureViewConsumers consumers,
            FeatureViewChanges proposals, ChangeRequests changes, TeamAccess access, RequestAudit request) {
        this.registry = registry;
        this.consumers = consumers;
        this.proposals = proposals;
        this.changes = changes;
        this.access = access;
        this.request = request;
    }

    /**
     * Applies a version: 201 when a view's first version is stored (active), 202 with the change request when a
     * later one is proposed for review, 200 when the same version was already there, 400 with every problem or
     * when the version number understates the change.
     */
    @PUT
    @Consumes({"application/yaml", "text/yaml", MediaType.TEXT_PLAIN})
    public Response apply(@QueryParam("draft") boolean draft, String yaml) {
        try {
            FeatureRegistry.Applied applied = registry.apply(yaml == null ? "" : yaml, draft, access.caller(),
                    request.remoteAddress());
            if (applied.changeRequest() != null) {
                long id = applied.changeRequest().id;
                return Response.accepted(changes.view(id)).location(URI.create("/api/change-requests/" + id)).build();
            }
            return Response.status(applied.created() ? 201 : 200).entity(json(applied.version())).build();
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Map.of("error", e.getMessage())).build();
        } catch (InvalidContractException e) {
            return Response.status(400).entity(Map.of("error", "the feature view is invalid",
                    "problems", e.problems())).build();
        } catch (FeatureViewConflict e) {
            return Response.status(409).entity(Map.of("error", e.getMessage())).build();
        }
    }

    @GET
    public List<ViewJson> list() {
        return registry.list().stream().map(this::json).toList();
    }

    @GET
    @Path("/{name}")
    public Response get(@PathParam("name") String name, @QueryParam("version") String version) {
        return registry.get(name, version).map(v -> Response.ok(json(v)).build())
                .orElseGet(() -> FeatureProblems.notFound(name, version));
    }

    /** The YAML of a version exactly as applied. */
    @GET
    @Path("/{name}/versions/{version}")
    @Produces({"application/yaml", MediaType.APPLICATION_JSON})
    public Response yaml(@PathParam("name") String name, @PathParam("version") String version) {
        return registry.get(name, version).map(v -> Response.ok(v.yaml(), "application/yaml").build())
                .orElseGet(() -> FeatureProblems.notFound(name, version));
    }

    /**
     * Proposes to make a version that was active before the active one again: 201 with the change request, which
     * is reviewed as any change is; 404 for an unknown view or version, 409 for a version never active.
     */
    @POST
    @Path("/{name}/rollbacks")
    public Response proposeRollback(@PathParam("name") String name, @QueryParam("to") String version) {
        if (version == null || version.isBlank()) {
            return FeatureProblems.badRequest("say which version to roll back to: ?to=<version>");
        }
        try {
            long id = proposals.proposeRollback(name, version.strip(), access.caller(), request.remoteAddress()).id;
            return Response.created(URI.create("/api/change-requests/" + id)).entity(changes.view(id)).build();
        } catch (NoSuchElementException e) {
            return FeatureProblems.notFound(name, registry.get(name, null).isPresent() ? version : null);
        } catch (IllegalStateException e) {
            return Response.status(409).entity(Map.of("error", e.getMessage())).build();
        }
    }

    /** Subscribes a team as a consumer of the view: breaking changes then need its approval. */
    @PUT
    @Path("/{name}/consumers/{team}")
    public Response subscribe(@PathParam("name") String name, @PathParam("team") String team) {
        return consumersChange(() -> consumers.subscribe(name, team), name);
    }

    @DELETE
    @Path("/{name}/consumers/{team}")
    public Response unsubscribe(@PathParam("name") String name, @PathParam("team") String team) {
        return consumersChange(() -> consumers.unsubscribe(name, team), name);
    }

    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name) {
        return registry.delete(name, access.caller(), request.remoteAddress()) ? Response.noContent().build()
                : FeatureProblems.notFound(name, null);
    }

    private static Response consumersChange(Runnable change, String name) {
        try {
            change.run();
            return Response.noContent().build();
        } catch (NoSuchElementException e) {
            return FeatureProblems.notFound(name, null);
        }
    }

    private ViewJson json(FeatureViewVersion v) {
        var d = v.definition();
        return new ViewJson(v.viewName(), v.version(), v.status(), v.owningTeam(), d.source(), d.entityKey(),
                d.eventTimeField(), d.features().stream().map(FeatureViewResource::json).toList(), v.createdBy(),
                v.createdAt(), registry.versions(v.viewName()).stream().map(FeatureViewVersion::version).toList());
    }

    private static FeatureJson json(FeatureSpec f) {
        return new FeatureJson(f.name(), f.aggregation().key(), f.field(), f.window().text());
    }
}
