package dev.plumbline.contract;

import dev.plumbline.access.RequestAudit;
import dev.plumbline.access.TeamAccess;
import dev.plumbline.ingest.BatchStaged;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code POST /api/datasets/{name}/drops}: a file of records for a dataset, CSV with a header ({@code text/csv})
 * or one JSON value per line ({@code application/x-ndjson}); {@code 201} with what was staged, {@code 200} when the
 * same file (or {@code Idempotency-Key}) was dropped before and nothing new was staged.
 */
@Path("/api/datasets/{name}/drops")
@Produces(MediaType.APPLICATION_JSON)
public class BatchDropResource {

    private final BatchDrops drops;
    private final TeamAccess access;
    private final RequestAudit request;
    private final Event<BatchStaged> staged;

    public BatchDropResource(BatchDrops drops, TeamAccess access, RequestAudit request, Event<BatchStaged> staged) {
        this.drops = drops;
        this.access = access;
        this.request = request;
        this.staged = staged;
    }

    @POST
    @Consumes({"text/csv", "application/x-ndjson", "application/jsonl", MediaType.TEXT_PLAIN})
    public Response drop(@PathParam("name") String name, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Idempotency-Key") String key, String body) {
        String format = contentType != null && contentType.startsWith("text/csv") ? "csv" : "ndjson";
        try {
            BatchDrops.Dropped dropped = drops.drop(name, format, body == null ? "" : body, key, access.caller(),
                    request.remoteAddress());
            if (dropped.staged() > 0) {
                staged.fire(new BatchStaged(Map.of(dropped.topic(), dropped.staged()), Instant.now()));
            }
            return Response.status(dropped.repeated() ? 200 : 201).entity(dropped).build();
        } catch (NoSuchElementException e) {
            return Response.status(404).entity(Map.of("error", e.getMessage())).build();
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Map.of("error", e.getMessage())).build();
        }
    }
}
