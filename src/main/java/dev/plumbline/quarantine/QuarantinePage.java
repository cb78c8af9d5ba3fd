package dev.plumbline.quarantine;

import dev.plumbline.access.RequestAudit;
import dev.plumbline.access.Role;
import dev.plumbline.access.TeamAccess;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.quarantine.QuarantineActions.Actor;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The quarantine in the browser: filter by dataset, rule, time and status; inspect one record; release records
 * for re-validation or discard them with a reason, one by one, selected, or all that match.
 */
@Path("/quarantine")
@Produces(MediaType.TEXT_HTML)
public class QuarantinePage {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(QuarantineView view);

        static native TemplateInstance index$entries(QuarantineView view);

        static native TemplateInstance record(QuarantineEntry entry, boolean mayAct, Notice notice);
    }

    private final QuarantineQueue queue;
    private final QuarantineActions actions;
    private final DatasetRegistry registry;
    private final TeamAccess access;
    private final RequestAudit request;

    public QuarantinePage(QuarantineQueue queue, QuarantineActions actions, DatasetRegistry registry,
            TeamAccess access, RequestAudit request) {
        this.queue = queue;
        this.actions = actions;
        this.registry = registry;
        this.access = access;
        this.request = request;
    }

    @GET
    public TemplateInstance index(@QueryParam("dataset") String dataset, @QueryParam("rule") String rule,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("status") String status,
            @QueryParam("before") @DefaultValue("9223372036854775807") long before,
            @QueryParam("released") Integer released, @QueryParam("failing") Integer failing,
            @QueryParam("skipped") Integer skipped, @QueryParam("discarded") Integer discarded,
            @QueryParam("error") String error, @HeaderParam("HX-Request") boolean htmx) {
        QuarantineFilter filter = filter(dataset, rule, from, to, status);
        List<QuarantineEntry> entries = queue.newest(filter, before, PAGE_SIZE);
        Long nextBefore = entries.size() == PAGE_SIZE ? entries.get(entries.size() - 1).id() : null;
        Set<String> acting = entries.stream().map(QuarantineEntry::owningTeam).distinct()
                .filter(team -> access.may(team, Role.EDITOR)).collect(Collectors.toSet());
        QuarantineView view = new QuarantineView(filter, registry.list().stream().map(d -> d.name).toList(),
                queue.openRules(filter.dataset()), entries, queue.count(filter), nextBefore, acting,
                queue.owningTeams(filter).stream().allMatch(team -> access.may(team, Role.EDITOR)),
                Notice.of(released, failing, skipped, discarded, error));
        return htmx ? Templates.index$entries(view) : Templates.index(view);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance record(@PathParam("id") long id, @QueryParam("released") Integer released,
            @QueryParam("failing") Integer failing, @QueryParam("skipped") Integer skipped,
            @QueryParam("discarded") Integer discarded, @QueryParam("error") String error) {
        QuarantineEntry entry = queue.find(id).orElseThrow(() -> new NotFoundException("no quarantined record " + id));
        return Templates.record(entry, entry.isOpen() && access.may(entry.owningTeam(), Role.EDITOR),
                Notice.of(released, failing, skipped, discarded, error));
    }

    /** Releases or discards the selected records, or all that match the filter; then shows the outcome. */
    @POST
    @Path("/actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@FormParam("action") String action, @FormParam("id") List<Long> ids,
            @FormParam("reason") String reason, @FormParam("record") Long record,
            @FormParam("dataset") String dataset, @FormParam("rule") String rule, @FormParam("from") String from,
            @FormParam("to") String to, @FormParam("status") String status) {
        QuarantineFilter filter = filter(dataset, rule, from, to, status);
        String back = record != null ? "/quarantine/" + record + "?" : "/quarantine?" + filter.query() + "&";
        boolean matching = action != null && action.endsWith("-matching");
        if (!matching && (ids == null || ids.isEmpty())) {
            return seeOther(back + "error=" + encode("Select at least one record first."));
        }
        access.require(matching ? queue.owningTeams(filter) : queue.owningTeams(ids), Role.EDITOR,
                "release or discard its quarantined records");
        Actor actor = new Actor(request.actor(), request.remoteAddress());
        try {
            return seeOther(back + switch (action) {
                case "release" -> Notice.query(actions.release(ids, actor));
                case "release-matching" -> Notice.query(actions.releaseMatching(filter, actor));
                case "discard" -> "discarded=" + actions.discard(ids, reason, actor);
                case "discard-matching" -> "discarded=" + actions.discardMatching(filter, reason, actor);
                default -> throw new BadRequestException("unknown action " + action);
            });
        } catch (IllegalArgumentException e) {
            return seeOther(back + "error=" + encode(e.getMessage()));
        }
    }

    private static QuarantineFilter filter(String dataset, String rule, String from, String to, String status) {
        try {
            return QuarantineFilter.parse(dataset, rule, from, to, status);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
