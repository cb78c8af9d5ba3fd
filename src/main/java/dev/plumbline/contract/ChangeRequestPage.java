package dev.plumbline.contract;

import dev.plumbline.access.AuditEntry;
import dev.plumbline.access.AuditLog;
import dev.plumbline.access.Caller;
import dev.plumbline.access.NotAllowed;
import dev.plumbline.access.Refusals;
import dev.plumbline.access.Role;
import dev.plumbline.access.TeamAccess;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * One change request in the browser: the diff against the active version with its classification, the
 * approvals it has and lacks, the proposed document by line, the reviews, the audit trail, and the actions
 * this user may take on it.
 */
@Path("/change-requests/{id}")
@Produces(MediaType.TEXT_HTML)
public class ChangeRequestPage {

    /** What this user may do with the change request on view. */
    public record Permissions(boolean review, boolean comment, boolean edit, boolean submit, boolean activate,
            boolean withdraw) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(ChangeRequestView change, Permissions may, List<AuditEntry> audit,
                String error);

        static native TemplateInstance edit(ChangeRequestView change, String yaml, ProposalCheck check, String error);

        static native TemplateInstance edit$check(ProposalCheck check);
    }

    private final ChangeRequests changes;
    private final AuditLog audit;
    private final TeamAccess access;

    public ChangeRequestPage(ChangeRequests changes, AuditLog audit, TeamAccess access) {
        this.changes = changes;
        this.audit = audit;
        this.access = access;
    }

    @GET
    public TemplateInstance index(@PathParam("id") long id, @QueryParam("error") String error) {
        ChangeRequestView change = view(id);
        return Templates.index(change, permissions(change), audit.about("change_request", String.valueOf(id)), error);
    }

    @POST
    @Path("/reviews")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("id") long id, @FormParam("verdict") String verdict,
            @FormParam("body") String body, @FormParam("line") String line) {
        return act(id, () -> changes.review(id, Verdict.of(verdict), body, line(line)));
    }

    @POST
    @Path("/submit")
    public Response submit(@PathParam("id") long id) {
        return act(id, () -> changes.submit(id));
    }

    @POST
    @Path("/activate")
    public Response activate(@PathParam("id") long id) {
        return act(id, () -> changes.activate(id));
    }

    @POST
    @Path("/withdraw")
    public Response withdraw(@PathParam("id") long id) {
        return act(id, () -> changes.withdraw(id));
    }

    @GET
    @Path("/edit")
    public TemplateInstance editor(@PathParam("id") long id) {
        ChangeRequestView change = view(id);
        return Templates.edit(change, change.proposedYaml(), null, null);
    }

    /** The editor's live check of a new text, as an htmx fragment. */
    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance check(@PathParam("id") long id, @FormParam("yaml") String yaml) {
        return Templates.edit$check(preview(id, yaml));
    }

    @POST
    @Path("/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revise(@PathParam("id") long id, @FormParam("yaml") String yaml) {
        try {
            changes.revise(id, yaml == null ? "" : yaml);
            return Response.seeOther(URI.create("/change-requests/" + id)).build();
        } catch (InvalidContractException | IllegalArgumentException | IllegalStateException | NotAllowed e) {
            String error = e instanceof InvalidContractException ? "The document has problems; see below."
                    : e.getMessage();
            return Response.status(e instanceof NotAllowed ? 403 : 400)
                    .entity(Templates.edit(view(id), yaml, preview(id, yaml), error)).build();
        }
    }

    private ProposalCheck preview(long id, String yaml) {
        try {
            return changes.check(id, yaml == null ? "" : yaml);
        } catch (IllegalStateException | NoSuchElementException e) {
            return ProposalCheck.invalid(List.of(new ContractProblem(1, "", e.getMessage())));
        }
    }

    private Response act(long id, Supplier<?> action) {
        return Refusals.seeOther("/change-requests/" + id, () -> {
            action.get();
            return null;
        });
    }

    private Permissions permissions(ChangeRequestView change) {
        Caller caller = access.caller();
        boolean author = caller.username().equals(change.author());
        boolean reviewer = !author && change.approvals().requiredTeams().stream()
                .anyMatch(team -> caller.holds(team, Role.APPROVER));
        boolean owner = caller.may(change.owningTeam(), Role.EDITOR);
        boolean open = change.isUnderReview();
        boolean draft = change.state().equals("draft");
        return new Permissions(open && reviewer, caller.may(change.owningTeam(), Role.VIEWER) || reviewer,
                (open || draft) && change.kind().equals("change") && (author || owner), draft && (author || owner),
                change.state().equals("approved") && (author || owner),
                (open || draft) && (author || caller.may(change.owningTeam(), Role.APPROVER)));
    }

    private ChangeRequestView view(long id) {
        try {
            return changes.view(id);
        } catch (NoSuchElementException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    private static Integer line(String line) {
        if (line == null || line.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(line.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the line must be a number, not " + line);
        }
    }
}
