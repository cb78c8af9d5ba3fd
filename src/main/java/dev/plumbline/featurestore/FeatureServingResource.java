package dev.plumbline.featurestore;

import dev.plumbline.transform.FeatureSpec;
import dev.plumbline.transform.FeatureVector;
import dev.plumbline.transform.FeatureViewVersion;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Online serving: the latest values of a view's features for one entity or a batch, from the online table, each
 * with the instant it is as of. An unknown entity has no values (200); an unknown view or version is a 404.
 * {@code ?version=} pins a view version, so a model keeps reading the version it was trained on.
 */
@Path("/api/features/{view}/entities")
@Produces(MediaType.APPLICATION_JSON)
public class FeatureServingResource {

    /** One feature's value and the instant it is as of. */
    public record Value(Object value, Instant asOf) {
    }

    /** The values of one entity; empty when nothing is known about it. */
    public record EntityValues(String entity, Map<String, Value> features) {
    }

    /** A batch request: the entities, and optionally the features wanted (all when absent). */
    public record BatchRequest(List<String> entities, List<String> features) {
    }

    /** A batch answer. */
    public record BatchValues(String view, String version, List<EntityValues> results) {
    }

    /** A single-entity answer. */
    public record SingleValues(String view, String version, String entity, Map<String, Value> features) {
    }

    static final int MAX_BATCH = 1000;

    private final FeatureRegistry registry;
    private final OnlineStore online;
    private final ServingTimer timer;

    public FeatureServingResource(FeatureRegistry registry, OnlineStore online, ServingTimer timer) {
        this.registry = registry;
        this.online = online;
        this.timer = timer;
    }

    @GET
    @Path("/{key}")
    public Response one(@PathParam("view") String view, @PathParam("key") String key,
            @QueryParam("version") String version, @QueryParam("features") String features) {
        long start = System.nanoTime();
        Optional<FeatureViewVersion> found = registry.get(view, version);
        if (found.isEmpty()) {
            return FeatureProblems.notFound(view, version);
        }
        if (!found.get().status().equals("active")) {
            return FeatureProblems.notServed(found.get(), registry.get(view, null).map(v -> v.version()).orElse(null));
        }
        try {
            List<String> wanted = features == null ? null : List.of(features.split(","));
            EntityValues values = serve(found.get(), List.of(key), wanted).get(0);
            return Response.ok(new SingleValues(view, found.get().version(), key, values.features())).build();
        } catch (IllegalArgumentException e) {
            return FeatureProblems.badRequest(e.getMessage());
        } finally {
            timer.record(view, System.nanoTime() - start);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response batch(@PathParam("view") String view, @QueryParam("version") String version,
            BatchRequest request) {
        long start = System.nanoTime();
        Optional<FeatureViewVersion> found = registry.get(view, version);
        if (found.isEmpty()) {
            return FeatureProblems.notFound(view, version);
        }
        if (!found.get().status().equals("active")) {
            return FeatureProblems.notServed(found.get(), registry.get(view, null).map(v -> v.version()).orElse(null));
        }
        try {
            if (request == null || request.entities() == null || request.entities().size() > MAX_BATCH) {
                return FeatureProblems.badRequest("expected {\"entities\": [...], \"features\": [...]} with 1 to "
                        + MAX_BATCH + " entities; features is optional");
            }
            return Response.ok(new BatchValues(view, found.get().version(),
                    serve(found.get(), request.entities(), request.features()))).build();
        } catch (IllegalArgumentException e) {
            return FeatureProblems.badRequest(e.getMessage());
        } finally {
            timer.record(view, System.nanoTime() - start);
        }
    }

    private List<EntityValues> serve(FeatureViewVersion version, List<String> entities, List<String> wanted) {
        List<String> names = version.definition().features().stream().map(FeatureSpec::name).toList();
        if (wanted != null) {
            wanted.stream().filter(w -> !names.contains(w)).findFirst().ifPresent(unknown -> {
                throw new IllegalArgumentException("feature view " + version.viewName() + " " + version.version()
                        + " has no feature \"" + unknown + "\"; it has: " + String.join(", ", names));
            });
        }
        Map<String, FeatureVector> stored = online.read(version, entities);
        return entities.stream().map(entity -> {
            Map<String, Value> values = new LinkedHashMap<>();
            FeatureVector vector = stored.get(entity);
            if (vector != null) {
                for (String name : wanted == null ? names : wanted) {
                    values.put(name, new Value(vector.values().get(name), vector.asOf()));
                }
            }
            return new EntityValues(entity, values);
        }).toList();
    }
}
