package dev.plumbline.contract;

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

/**
 * Contracts in the browser: every dataset's contract by team; one dataset's versions and change requests; and
 * the editor that checks a proposed version as it is typed, then opens it as a change request.
 */
@Path("/contracts")
@Produces(MediaType.TEXT_HTML)
public class ContractsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<ContractCatalog.Row> rows);

        static native TemplateInstance dataset(ContractCatalog.DatasetContracts contracts, boolean mayPropose,
                ConsumerChoices consumers, String error);

        static native TemplateInstance propose(String dataset, String title, String yaml, ProposalCheck check,
                String error);

        static native TemplateInstance propose$check(ProposalCheck check);
    }

    private final ContractCatalog catalog;
    private final ContractChanges changes;
    private final ConsumerSubscriptions subscriptions;
    private final TeamAccess access;

    public ContractsPage(ContractCatalog catalog, ContractChanges changes, ConsumerSubscriptions subscriptions,
            TeamAccess access) {
        this.catalog = catalog;
        this.changes = changes;
        this.subscriptions = subscriptions;
        this.access = access;
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(catalog.rows());
    }

    @GET
    @Path("/{name}")
    public TemplateInstance dataset(@PathParam("name") String name, @QueryParam("error") String error) {
        ContractCatalog.DatasetContracts contracts = contracts(name);
        return Templates.dataset(contracts, access.may(contracts.owningTeam(), Role.EDITOR),
                ConsumerChoices.of(access.caller(), contracts.owningTeam(), contracts.consumers()), error);
    }

    /** Subscribes one of the user's teams as a consumer of the dataset, or ends a subscription. */
    @POST
    @Path("/{name}/consumers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response consumers(@PathParam("name") String name, @FormParam("team") String team,
            @FormParam("subscribe") boolean subscribe) {
        return Refusals.seeOther("/contracts/" + name, () -> {
            if (subscribe) {
                subscriptions.subscribe(name, team);
            } else {
                subscriptions.unsubscribe(name, team);
            }
            return null;
        });
    }

    @GET
    @Path("/{name}/propose")
    public TemplateInstance editor(@PathParam("name") String name) {
        ContractCatalog.DatasetContracts contracts = contracts(name);
        String yaml = contracts.activeYaml() == null ? "" : contracts.activeYaml();
        return Templates.propose(name, "", yaml, null, null);
    }

    /** The editor's live check, as an htmx fragment. */
    @POST
    @Path("/{name}/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance check(@PathParam("name") String name, @FormParam("yaml") String yaml) {
        return Templates.propose$check(preview(name, yaml));
    }

    @POST
    @Path("/{name}/propose")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response propose(@PathParam("name") String name, @FormParam("title") String title,
            @FormParam("yaml") String yaml, @FormParam("draft") boolean draft) {
        try {
            long id = changes.propose(name, title, yaml == null ? "" : yaml, draft).id;
            return Response.seeOther(URI.create("/change-requests/" + id)).build();
        } catch (InvalidContractException | IllegalArgumentException | IllegalStateException | NotAllowed e) {
            String error = e instanceof InvalidContractException ? "The contract has problems; see below." : e.getMessage();
            int status = e instanceof NotAllowed ? 403 : e instanceof IllegalStateException ? 409 : 400;
            return Response.status(status).entity(Templates.propose(name, title, yaml, preview(name, yaml), error))
                    .build();
        }
    }

    @POST
    @Path("/{name}/rollback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rollback(@PathParam("name") String name, @FormParam("version") String version) {
        return Refusals.seeOther("/contracts/" + name,
                () -> "/change-requests/" + changes.proposeRollback(name, null, version).id);
    }

    private ProposalCheck preview(String name, String yaml) {
        try {
            return catalog.preview(name, yaml == null ? "" : yaml);
        } catch (IllegalStateException | NoSuchElementException e) {
            return ProposalCheck.invalid(List.of(new ContractProblem(1, "", e.getMessage())));
        }
    }

    private ContractCatalog.DatasetContracts contracts(String name) {
        try {
            return catalog.of(name);
        } catch (NoSuchElementException e) {
            throw new NotFoundException(e.getMessage());
        }
    }
}
