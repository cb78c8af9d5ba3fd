package dev.plumbline.featurestore;

import dev.plumbline.access.NotAllowed;
import dev.plumbline.access.Refusals;
import dev.plumbline.access.RequestAudit;
import dev.plumbline.access.TeamAccess;
import dev.plumbline.contract.InvalidContractException;
import dev.plumbline.contract.ProposalCheck;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Writing feature views in the browser: the editor that checks a view as it is typed (its problems by line and
 * field, or its changes from the active version and the version number they need), then applies it — a new
 * view is active at once, a new version of an existing one opens a change request — and the rollback form.
 */
@Path("/features")
@Produces(MediaType.TEXT_HTML)
public class FeatureViewEditorPage {

    static final String NEW_VIEW = """
            name: my_view
            entity: customer_id
            source: transactions
            owner: my-team
            version: 1.0.0
            description: What the features are for, and who uses them.
            features:
              - {name: avg_amount_30d, aggregation: avg, field: amount, window: 30d}
            sla:
              freshness: 1m
              psiThreshold: 0.2
              servingP99: 50ms
            """;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance editor(String view, String yaml, ProposalCheck check, String error);

        static native TemplateInstance editor$check(ProposalCheck check);
    }

    private final FeatureRegistry registry;
    private final FeatureViewReviews reviews;
    private final FeatureViewChanges changes;
    private final FeatureViewConsumers consumers;
    private final TeamAccess access;
    private final RequestAudit request;

    public FeatureViewEditorPage(FeatureRegistry registry, FeatureViewReviews reviews, FeatureViewChanges changes,
            FeatureViewConsumers consumers, TeamAccess access, RequestAudit request) {
        this.registry = registry;
        this.reviews = reviews;
        this.changes = changes;
        this.consumers = consumers;
        this.access = access;
        this.request = request;
    }

    @GET
    @Path("/new")
    public TemplateInstance newView() {
        return Templates.editor(null, NEW_VIEW, null, null);
    }

    /** The editor for a new version, starting from the active one's text. */
    @GET
    @Path("/{name}/propose")
    public TemplateInstance newVersion(@PathParam("name") String name) {
        String yaml = registry.get(name, null).orElseThrow(() -> new NotFoundException("no feature view " + name))
                .yaml();
        return Templates.editor(name, yaml, null, null);
    }

    /** The editor's live check, as an htmx fragment; stores nothing. */
    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance check(@FormParam("yaml") String yaml) {
        return Templates.editor$check(reviews.preview(yaml == null ? "" : yaml));
    }

    @POST
    @Path("/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response apply(@FormParam("view") String view, @FormParam("yaml") String yaml,
            @FormParam("draft") boolean draft) {
        String text = yaml == null ? "" : yaml;
        try {
            FeatureRegistry.Applied applied = registry.apply(text, draft, access.caller(), request.remoteAddress());
            String location = applied.changeRequest() != null ? "/change-requests/" + applied.changeRequest().id
                    : "/features/" + applied.version().viewName();
            return Response.seeOther(URI.create(location)).build();
        } catch (InvalidContractException | IllegalArgumentException | FeatureViewConflict | NotAllowed e) {
            String error = e instanceof InvalidContractException ? "The feature view has problems; see below."
                    : e.getMessage();
            int status = e instanceof NotAllowed ? 403 : e instanceof FeatureViewConflict ? 409 : 400;
            return Response.status(status).entity(Templates.editor(view == null || view.isBlank() ? null : view,
                    text, reviews.preview(text), error)).build();
        }
    }

    @POST
    @Path("/{name}/rollback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rollback(@PathParam("name") String name, @FormParam("version") String version) {
        return Refusals.seeOther("/features/" + name, () -> "/change-requests/"
                + changes.proposeRollback(name, version, access.caller(), request.remoteAddress()).id);
    }

    /** Subscribes one of the user's teams as a consumer of the view, or ends a subscription. */
    @POST
    @Path("/{name}/consumers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response consumers(@PathParam("name") String name, @FormParam("team") String team,
            @FormParam("subscribe") boolean subscribe) {
        return Refusals.seeOther("/features/" + name, () -> {
            if (subscribe) {
                consumers.subscribe(name, team);
            } else {
                consumers.unsubscribe(name, team);
            }
            return null;
        });
    }
}
