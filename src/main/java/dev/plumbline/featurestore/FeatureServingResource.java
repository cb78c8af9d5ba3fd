package dev.plumbline.featurestore;

import dev.plumbline.featurestore.OnlineStore.StoredText;
import dev.plumbline.transform.FeatureSpec;
import dev.plumbline.transform.FeatureViewVersion;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Online serving: the latest values of a view's features for one entity or a batch, from the online table, each
 * with the instant it is as of. An unknown entity has no values (200); an unknown view or version is a 404.
 * {@code ?version=} pins a view version, so a model keeps reading the version it was trained on. Which version is
 * active comes from {@link ServedVersions}, the values from {@link OnlineCache} when this replica holds them (the
 * answer is then written on the event loop, with no database), and the answer from the stored JSON text
 * ({@link ServedJson}).
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
    private final Map<Long, ServedJson> allFeatures = new ConcurrentHashMap<>();

    public FeatureServingResource(ServedVersions versions, OnlineStore online, ServingTimer timer) {
        this.versions = versions;
        this.online = online;
        this.timer = timer;
    }

    @GET
    @Path("/{key}")
    public Uni<Response> one(@PathParam("view") String view, @PathParam("key") String key,
            @QueryParam("version") String version, @QueryParam("features") String features) {
        return serve(view, version, List.of(key), features == null ? null : List.of(features.split(",")),
                (json, served, stored) -> json.single(view, served.version(), key, stored.get(key)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> batch(@PathParam("view") String view, @QueryParam("version") String version,
            BatchRequest request) {
        if (request == null || request.entities() == null || request.entities().size() > MAX_BATCH) {
            return Uni.createFrom().item(FeatureProblems.badRequest("expected {\"entities\": [...], \"features\":"
                    + " [...]} with 1 to " + MAX_BATCH + " entities; features is optional"));
        }
        return serve(view, version, request.entities(), request.features(),
                (json, served, stored) -> json.batch(view, served.version(), request.entities(), stored));
    }

    /** Writes one answer from the served version's writer and the entities' stored values. */
    private interface Answer {
        byte[] write(ServedJson json, FeatureViewVersion served, Map<String, StoredText> stored);
    }

    // On the event loop when this replica remembers the active version and holds every entity's values; otherwise
    // on a worker thread, which may ask the database.
    private Uni<Response> serve(String view, String version, List<String> entities, List<String> wanted,
            Answer answer) {
        long start = System.nanoTime();
        Optional<FeatureViewVersion> remembered = versions.remembered(view, version);
        if (remembered != null && remembered.isPresent() && remembered.get().status().equals("active")) {
            Map<String, StoredText> held = online.heldText(remembered.get(), entities);
            if (held != null) {
                FeatureViewVersion served = remembered.get();
                return Uni.createFrom().item(() -> answer(view, served, entities, wanted, held, answer, start));
            }
        }
        return Uni.createFrom().item(() -> {
            Optional<FeatureViewVersion> found = remembered != null ? remembered : versions.load(view, version);
            if (found.isEmpty()) {
                return FeatureProblems.notFound(view, version);
            }
            if (!found.get().status().equals("active")) {
                return notServed(found.get());
            }
            return answer(view, found.get(), entities, wanted, null, answer, start);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response answer(String view, FeatureViewVersion served, List<String> entities, List<String> wanted,
            Map<String, StoredText> held, Answer answer, long start) {
        try {
            ServedJson json = json(served, wanted);
            Map<String, StoredText> stored = held != null ? held : online.readText(served, entities);
            return Response.ok(answer.write(json, served, stored)).build();
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
    private ServedJson json(FeatureViewVersion version, List<String> wanted) {
        if (wanted == null) {
            if (allFeatures.size() >= ServedVersions.MAX_ENTRIES) {
                allFeatures.clear();
            }
            return allFeatures.computeIfAbsent(version.id(), id -> new ServedJson(names(version), true));
        }
        List<String> names = names(version);
        wanted.stream().filter(w -> !names.contains(w)).findFirst().ifPresent(unknown -> {
            throw new IllegalArgumentException("feature view " + version.viewName() + " " + version.version()
                    + " has no feature \"" + unknown + "\"; it has: " + String.join(", ", names));
        });
        return new ServedJson(List.copyOf(new LinkedHashSet<>(wanted)));
    }

    private static List<String> names(FeatureViewVersion version) {
        return version.definition().features().stream().map(FeatureSpec::name).toList();
    }
}
