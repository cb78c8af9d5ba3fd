package dev.plumbline.featurestore.training;

import dev.plumbline.access.RequestAudit;
import dev.plumbline.access.TeamAccess;
import dev.plumbline.featurestore.FeatureViewConflict;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Training sets over HTTP: {@code POST} entity rows (CSV with a header, or a JSON array of objects) with the
 * views to join, get the stored record with its leakage audit ({@code 201}, {@code Location}), and download
 * its rows as CSV or Parquet ({@code 410} once retention deleted them), or delete it. Usable with an API token.
 */
@Path("/api/training-sets")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingSetResource {

    static final String PARQUET = "application/vnd.apache.parquet";

    /** A training set as the API shows it, with where its rows and page are. */
    public record TrainingSetJson(TrainingSet trainingSet, long suspiciousFeatures, Map<String, String> links) {

        static TrainingSetJson of(TrainingSet set) {
            String base = "/api/training-sets/" + set.id();
            return new TrainingSetJson(set, set.suspiciousFeatures(), Map.of("csv", base + "/rows.csv",
                    "parquet", base + "/rows.parquet", "page", "/features/training-sets/" + set.id()));
        }
    }

    private final TrainingSets sets;
    private final TrainingSetStore store;
    private final TrainingSetDownloads downloads;
    private final TeamAccess access;
    private final RequestAudit request;

    public TrainingSetResource(TrainingSets sets, TrainingSetStore store, TrainingSetDownloads downloads,
            TeamAccess access, RequestAudit request) {
        this.sets = sets;
        this.store = store;
        this.downloads = downloads;
        this.access = access;
        this.request = request;
    }

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response create(@QueryParam("view") List<String> views, @QueryParam("time_column") String timeColumn,
            @QueryParam("label_columns") List<String> labelColumns, @QueryParam("name") String name,
            @jakarta.ws.rs.HeaderParam("Content-Type") String contentType, String body) {
        String format = contentType != null && contentType.startsWith(MediaType.APPLICATION_JSON) ? "json" : "csv";
        return answer(() -> {
            TrainingSet set = sets.create(new TrainingSetRequest(views, timeColumn, labelColumns, format, name,
                    body == null ? "" : body), access.caller(), request.remoteAddress());
            return Response.created(URI.create("/api/training-sets/" + set.id())).entity(TrainingSetJson.of(set))
                    .build();
        });
    }

    @GET
    public List<TrainingSetJson> list() {
        return store.newest(100).stream().map(TrainingSetJson::of).toList();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        return store.get(id).map(s -> Response.ok(TrainingSetJson.of(s)).build())
                .orElseGet(() -> problem(404, "no training set " + id, null));
    }

    @GET
    @Path("/{id}/rows.parquet")
    @Produces(PARQUET)
    public Response parquet(@PathParam("id") long id) {
        return store.parquet(id).map(bytes -> Response.ok(bytes, PARQUET)
                .header("Content-Disposition", "attachment; filename=\"training-set-" + id + ".parquet\"").build())
                .orElseGet(() -> missingRows(id));
    }

    @GET
    @Path("/{id}/rows.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") long id) {
        return downloads.csv(id).map(out -> Response.ok(out, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"training-set-" + id + ".csv\"").build())
                .orElseGet(() -> missingRows(id));
    }

    /** Deletes a set, its record and rows: the one who asked for it, or an administrator ({@code 204}). */
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        return sets.delete(id, access.caller(), request.remoteAddress()) ? Response.noContent().build()
                : problem(404, "no training set " + id, null);
    }

    // 410 when the record is there and retention deleted its rows: asking again with the same upload rebuilds them
    private Response missingRows(long id) {
        return store.get(id).isEmpty() ? problem(404, "no training set " + id, null)
                : problem(410, "the rows of training set " + id + " were deleted by retention; its record (the "
                        + "pinned feature view versions, the leakage audit) remains: send the same upload again to "
                        + "build them anew", null);
    }

    /** Runs a creation and turns its refusals into problem answers: 400, 404, 409, 413. */
    static Response answer(java.util.function.Supplier<Response> creation) {
        try {
            return creation.get();
        } catch (BadUpload e) {
            return problem(400, e.getMessage(), e.problems());
        } catch (NoSuchElementException e) {
            return problem(404, e.getMessage(), null);
        } catch (FeatureViewConflict e) {
            return problem(409, e.getMessage(), null);
        }
    }

    static Response problem(int status, String detail, List<String> problems) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 410 -> "Gone";
            default -> "Conflict";
        });
        body.put("status", status);
        body.put("detail", detail);
        if (problems != null) {
            body.put("problems", problems);
        }
        return Response.status(status).type("application/problem+json").entity(body).build();
    }
}
