package dev.plumbline.monitor.drift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.access.NotAllowed;
import dev.plumbline.access.RequestAudit;
import dev.plumbline.access.Role;
import dev.plumbline.access.TeamAccess;
import dev.plumbline.featurestore.FeatureBaselines;
import dev.plumbline.transform.FeatureViewStore;
import dev.plumbline.transform.FeatureViewVersion;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The drift baselines of a feature view version: {@code GET} lists them; {@code PUT …/{feature}} builds one from a
 * reference window of the view's values ({@code ?from=…&to=…}) or an uploaded file (CSV or NDJSON with a column
 * named as the feature, or {@code ?column=}) and freezes it with the version. An editor of the owning team sets
 * them while the version is a draft or under review (replacing freely), or adds one to the active version for a
 * feature that has none; an approved or active baseline never changes (409): a new version replaces it.
 */
@Path("/api/feature-views/{name}/versions/{version}/baselines")
@Produces(MediaType.APPLICATION_JSON)
public class FeatureBaselineResource {

    private final FeatureViewStore views;
    private final FeatureBaselines baselines;
    private final FeatureBaselineBuilder builder;
    private final TeamAccess access;
    private final RequestAudit request;

    public FeatureBaselineResource(FeatureViewStore views, FeatureBaselines baselines, FeatureBaselineBuilder builder,
            TeamAccess access, RequestAudit request) {
        this.views = views;
        this.baselines = baselines;
        this.builder = builder;
        this.access = access;
        this.request = request;
    }

    @GET
    public Response list(@PathParam("name") String name, @PathParam("version") String version) {
        return views.version(name, version).map(v -> Response.ok(baselines.of(v.id())).build())
                .orElseGet(() -> problem(404, "no feature view " + name + " " + version));
    }

    @PUT
    @Path("/{feature}")
    @Consumes(MediaType.WILDCARD)
    public Response put(@PathParam("name") String name, @PathParam("version") String version,
            @PathParam("feature") String feature, String body, @HeaderParam("Content-Type") String type,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("column") String column,
            @QueryParam("kind") @DefaultValue("numeric") String kind, @QueryParam("bins") @DefaultValue("10") int bins) {
        FeatureViewVersion v = views.version(name, version).orElse(null);
        if (v == null || v.definition().feature(feature).isEmpty()) {
            return problem(404, v == null ? "no feature view " + name + " " + version
                    : "feature view " + name + " " + version + " has no feature " + feature);
        }
        try {
            access.caller().require(v.owningTeam(), Role.EDITOR, "set the drift baselines of " + name);
            String frozen = frozen(v, feature);
            if (frozen != null) {
                return problem(409, frozen);
            }
            ObjectNode result = from != null || to != null
                    ? builder.fromWindow(v, feature, kind, bins, BaselineResource.instant("from", from),
                            BaselineResource.instant("to", to), request.actor())
                    : builder.fromFile(v, feature, kind, bins, body, type,
                            column == null || column.isBlank() ? feature : column, request.actor());
            request.record("feature_baseline.created", "feature_view", name, Map.of("version", version,
                    "feature", feature, "source", result.path("source").path("source").asText(),
                    "values", result.path("values").asLong()));
            return Response.status(201).entity(result).build();
        } catch (NotAllowed e) {
            return problem(403, e.getMessage());
        } catch (IllegalArgumentException e) {
            return problem(400, e.getMessage());
        }
    }

    /** Why the feature's baseline may not be set on this version now, or null when it may. */
    private String frozen(FeatureViewVersion v, String feature) {
        return switch (v.status()) {
            case "draft", "proposed" -> null;
            case "active" -> baselines.get(v.id(), feature).isEmpty() ? null : "the baseline of " + feature
                    + " in the active version " + v.version() + " is frozen: propose a new version to replace it";
            default -> "version " + v.version() + " is " + v.status() + ": its baselines are frozen";
        };
    }

    private static Response problem(int status, String error) {
        return Response.status(status).entity(Map.of("error", error)).build();
    }
}
