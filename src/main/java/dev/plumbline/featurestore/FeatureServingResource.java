package dev.plumbline.featurestore;

import dev.plumbline.featurestore.OnlineStore.StoredText;
import dev.plumbline.transform.FeatureSpec;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Online serving: the latest values of a view's features for one entity or a batch, from the online table, each
 * with the instant it is as of. An unknown entity has no values (200); an unknown view or version is a 404.
 * {@code ?version=} pins a view version, so a model keeps reading the version it was trained on. Which version is
 * active comes from {@link ServedVersions}, and the answer is written from the stored JSON text ({@link ServedJson}).
 */
@Path("/api/features/{view}/entities")
@Produces(MediaType.APPLICATION_JSON)
public class FeatureServingResource {

    /** A batch request: the entities, and optionally the features wanted (all when absent). */
    public record BatchRequest(List<String> entities, List<String> features) {
    }

    static final int MAX_BATCH = 1000;

    private final ServedVersions versions;
    private final OnlineStore online;
    private final ServingTimer timer;

    public FeatureServingResource(ServedVersions versions, OnlineStore online, ServingTimer timer) {
        this.versions = versions;
        this.online = online;
        this.timer = timer;
    }

    @GET
    @Path("/{key}")
    public Response one(@PathParam("view") String view, @PathParam("key") String key,
            @QueryParam("version") String version, @QueryParam("features") String features) {
        long start = System.nanoTime();
        Optional<FeatureViewVersion> found = versions.get(view, version);
        if (found.isEmpty()) {
            return FeatureProblems.notFound(view, version);
        }
        if (!found.get().status().equals("active")) {
            return notServed(found.get());
        }
        try {
            ServedJson json = json(found.get(), features == null ? null : List.of(features.split(",")));
            StoredText stored = online.readText(found.get(), List.of(key)).get(key);
            return Response.ok(json.single(view, found.get().version(), key, stored)).build();
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
        Optional<FeatureViewVersion> found = versions.get(view, version);
        if (found.isEmpty()) {
            return FeatureProblems.notFound(view, version);
        }
        if (!found.get().status().equals("active")) {
            return notServed(found.get());
        }
        try {
            if (request == null || request.entities() == null || request.entities().size() > MAX_BATCH) {
                return FeatureProblems.badRequest("expected {\"entities\": [...], \"features\": [...]} with 1 to "
                        + MAX_BATCH + " entities; features is optional");
            }
            ServedJson json = json(found.get(), request.features());
            return Response.ok(json.batch(view, found.get().version(), request.entities(),
                    online.readText(found.get(), request.entities()))).build();
        } catch (IllegalArgumentException e) {
            return FeatureProblems.badRequest(e.getMessage());
        } finally {
            timer.record(view, System.nanoTime() - start);
        }
    }

    private Response notServed(FeatureViewVersion version) {
        return FeatureProblems.notServed(version, versions.get(version.viewName(), null)
                .map(FeatureViewVersion::version).orElse(null));
    }

    /** The answer's writer for the wanted features (every feature of the version when none are named). */
    private static ServedJson json(FeatureViewVersion version, List<String> wanted) {
        List<String> names = version.definition().features().stream().map(FeatureSpec::name).toList();
        if (wanted == null) {
            return new ServedJson(names);
        }
        wanted.stream().filter(w -> !names.contains(w)).findFirst().ifPresent(unknown -> {
            throw new IllegalArgumentException("feature view " + version.viewName() + " " + version.version()
                    + " has no feature \"" + unknown + "\"; it has: " + String.join(", ", names));
        });
        return new ServedJson(List.copyOf(new LinkedHashSet<>(wanted)));
    }
}
