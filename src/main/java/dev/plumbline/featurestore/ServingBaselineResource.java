package dev.plumbline.featurestore;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The W5 benchmark's baseline: answers shaped like online serving's (one entity × 50 features, a batch of 100
 * entities × 50 features), fixed and written once, through the same HTTP stack and authentication as serving.
 * Like the cheapest endpoint Quarkus can have, it answers on the event loop. It answers {@code 404} unless
 * {@code plumbline.bench.serving-baseline} is set, so no deployment exposes it.
 */
@Path("/api/bench/serving-baseline")
@Produces(MediaType.APPLICATION_JSON)
public class ServingBaselineResource {

    static final int FEATURES = 50;
    static final int BATCH = 100;
    private static final String AS_OF = "2026-12-07T08:00:00Z";

    private final boolean enabled;
    private final byte[] one;
    private final byte[] batch;

    public ServingBaselineResource(
            @ConfigProperty(name = "plumbline.bench.serving-baseline", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
        this.one = ("{\"view\":\"baseline\",\"version\":\"1.0.0\",\"entity\":\"e-0000001\",\"features\":"
                + features() + "}").getBytes(StandardCharsets.UTF_8);
        StringBuilder results = new StringBuilder("{\"view\":\"baseline\",\"version\":\"1.0.0\",\"results\":[");
        for (int e = 0; e < BATCH; e++) {
            results.append(e == 0 ? "" : ",").append("{\"entity\":\"e-").append(String.format("%07d", e))
                    .append("\",\"features\":").append(features()).append('}');
        }
        this.batch = results.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @GET
    @Path("/one")
    @NonBlocking
    public Response one() {
        return enabled ? Response.ok(one).build() : Response.status(Response.Status.NOT_FOUND).build();
    }

    @POST
    @Path("/batch")
    @NonBlocking
    public Response batch() {
        return enabled ? Response.ok(batch).build() : Response.status(Response.Status.NOT_FOUND).build();
    }

    private static String features() {
        StringBuilder json = new StringBuilder("{");
        for (int f = 0; f < FEATURES; f++) {
            json.append(f == 0 ? "" : ",").append("\"feature_").append(String.format("%02d", f))
                    .append("\":{\"value\":").append(1000 + f).append(".25,\"asOf\":\"").append(AS_OF).append("\"}");
        }
        return json.append('}').toString();
    }
}
