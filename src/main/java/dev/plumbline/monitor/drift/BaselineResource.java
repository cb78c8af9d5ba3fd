package dev.plumbline.monitor.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Computes a drift baseline, for a contract author to propose, from an uploaded reference file
 * ({@code POST /api/baselines}) or from a past window of a dataset's accepted records
 * ({@code GET /api/baselines?dataset=…&from=…&to=…}). The answer gives the {@code baseline} kwarg as JSON and as
 * YAML to paste; it is stored and approved with the contract version it goes into.
 */
@Path("/api/baselines")
@Produces(MediaType.APPLICATION_JSON)
public class BaselineResource {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final ReferenceWindow window;

    public BaselineResource(ReferenceWindow window) {
        this.window = window;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response fromFile(String body, @HeaderParam("Content-Type") String type, @QueryParam("column") String column,
            @QueryParam("kind") @DefaultValue("numeric") String kind, @QueryParam("bins") @DefaultValue("10") int bins) {
        return answer(() -> {
            ReferenceBaseline baseline = new ReferenceBaseline(kind(kind), bins);
            ReferenceFile.read(body, type, required("column", column), baseline);
            return result(baseline, column).put("source", "upload");
        });
    }

    @GET
    public Response fromWindow(@QueryParam("dataset") String dataset, @QueryParam("column") String column,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("kind") @DefaultValue("numeric") String kind, @QueryParam("bins") @DefaultValue("10") int bins) {
        return answer(() -> {
            ReferenceBaseline baseline = new ReferenceBaseline(kind(kind), bins);
            Instant start = instant("from", from);
            Instant end = instant("to", to);
            window.read(required("dataset", dataset), required("column", column), start, end, baseline);
            return result(baseline, column).put("source", "window").put("dataset", dataset)
                    .put("from", start.toString()).put("to", end.toString());
        });
    }

    static ObjectNode result(ReferenceBaseline baseline, String column) {
        ObjectNode kwarg = baseline.toKwarg();
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("column", column)
                .put("values", baseline.values()).put("nulls", baseline.nulls());
        result.set("baseline", kwarg);
        try {
            result.put("yaml", YAML.writeValueAsString(Map.of("baseline", kwarg)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    static Response answer(Supplier<ObjectNode> work) {
        try {
            return Response.ok(work.get()).build();
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", e.getMessage())).build();
        }
    }

    static ReferenceBaseline.Kind kind(String kind) {
        return switch (kind) {
            case "numeric" -> ReferenceBaseline.Kind.NUMERIC;
            case "categorical" -> ReferenceBaseline.Kind.CATEGORICAL;
            default -> throw new IllegalArgumentException("kind must be numeric or categorical, got " + kind);
        };
    }

    static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    static Instant instant(String name, String value) {
        try {
            return Instant.parse(required(name, value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, got "
                    + value);
        }
    }
}
