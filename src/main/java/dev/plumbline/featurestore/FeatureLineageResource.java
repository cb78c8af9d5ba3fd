package dev.plumbline.featurestore;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.NoSuchElementException;

/**
 * A feature value's lineage over JSON: {@code GET /api/features/{view}/lineage?entity=&feature=&as_of=} gives the
 * value and its input events (newest 200, with the total), each with its validation run and contract version.
 */
@Path("/api/features/{view}/lineage")
@Produces(MediaType.APPLICATION_JSON)
public class FeatureLineageResource {

    private final FeatureLineage lineage;

    public FeatureLineageResource(FeatureLineage lineage) {
        this.lineage = lineage;
    }

    @GET
    public Response trace(@PathParam("view") String view, @QueryParam("version") String version,
            @QueryParam("entity") String entity, @QueryParam("feature") String feature,
            @QueryParam("as_of") String asOf) {
        try {
            return Response.ok(lineage.trace(view, version, entity, feature, asOf)).build();
        } catch (NoSuchElementException e) {
            return FeatureProblems.notFound(e.getMessage());
        } catch (IllegalArgumentException e) {
            return FeatureProblems.badRequest(e.getMessage());
        }
    }
}
