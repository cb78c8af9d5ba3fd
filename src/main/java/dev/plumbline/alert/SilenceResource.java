package dev.plumbline.alert;

import dev.plumbline.access.RequestAudit;
import dev.plumbline.access.TeamAccess;
import dev.plumbline.contract.DurationText;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Silences over the API: list them, create one (matchers, span, comment), expire one. */
@Path("/api/silences")
@Produces(MediaType.APPLICATION_JSON)
public class SilenceResource {

    /** A silence to create: {@code endsAt}, or {@code duration} such as {@code 2h} from {@code startsAt} (now). */
    public record NewSilence(List<String> matchers, Instant startsAt, Instant endsAt, String duration, String comment) {
    }

    /** A silence as the API shows it. */
    public record SilenceView(long id, List<String> matchers, Instant startsAt, Instant endsAt, String createdBy,
            String comment, String state, String expiredBy) {

        static SilenceView of(Silence s) {
            return new SilenceView(s.id(), s.matchers().stream().map(LabelMatcher::toString).toList(), s.startsAt(),
                    s.endsAt(), s.createdBy(), s.comment(), s.state(Instant.now()), s.expiredBy());
        }
    }

    private final Silences silences;
    private final SilenceStore store;
    private final TeamAccess access;
    private final RequestAudit request;

    public SilenceResource(Silences silences, SilenceStore store, TeamAccess access, RequestAudit request) {
        this.silences = silences;
        this.store = store;
        this.access = access;
        this.request = request;
    }

    @GET
    public List<SilenceView> list() {
        return store.newest(200).stream().map(SilenceView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewSilence body) {
        try {
            if (body == null || body.matchers() == null) {
                throw new IllegalArgumentException("give matchers, e.g. [\"team=\\\"payments-data\\\"\"]");
            }
            Instant start = body.startsAt() == null ? Instant.now() : body.startsAt();
            Instant end = body.endsAt() != null ? body.endsAt() : start.plus(duration(body.duration()));
            Silence silence = silences.create(body.matchers(), start, end, body.comment(), actor());
            return Response.status(201).entity(SilenceView.of(silence)).build();
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Map.of("error", e.getMessage())).build();
        }
    }

    @DELETE
    @Path("/{id}")
    public Response expire(@PathParam("id") long id) {
        try {
            silences.expire(id, Instant.now(), actor());
            return Response.noContent().build();
        } catch (IllegalArgumentException e) {
            return Response.status(404).entity(Map.of("error", e.getMessage())).build();
        }
    }

    static Duration duration(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("give endsAt or a duration such as 2h");
        }
        return DurationText.parse(text, "duration");
    }

    private Silences.Actor actor() {
        return new Silences.Actor(access.caller(), request.remoteAddress());
    }
}
