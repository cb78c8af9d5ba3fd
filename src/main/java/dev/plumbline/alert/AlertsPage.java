package dev.plumbline.alert;

import dev.plumbline.access.RequestAudit;
import dev.plumbline.access.TeamAccess;
import dev.plumbline.monitor.rules.AlertState;
import dev.plumbline.monitor.rules.AlertStore;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The alerts page: firing and pending alerts, history, silences (create, expire), routes and deliveries. */
@Path("/alerts")
@Produces(MediaType.TEXT_HTML)
public class AlertsPage {

    static final int SHOWN = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(AlertsView view);
    }

    private final AlertStore alerts;
    private final SilenceStore silenceStore;
    private final Silences silences;
    private final Routing routing;
    private final Outbox outbox;
    private final TestNotification test;
    private final TeamAccess access;
    private final RequestAudit request;

    public AlertsPage(AlertStore alerts, SilenceStore silenceStore, Silences silences, Routing routing, Outbox outbox,
            TestNotification test, TeamAccess access, RequestAudit request) {
        this.alerts = alerts;
        this.silenceStore = silenceStore;
        this.silences = silences;
        this.routing = routing;
        this.outbox = outbox;
        this.test = test;
        this.access = access;
        this.request = request;
    }

    @GET
    public TemplateInstance index(@QueryParam("matchers") String prefill, @QueryParam("notice") String notice,
            @QueryParam("error") String error) {
        List<Map.Entry<Integer, Route>> nodes = new ArrayList<>();
        routing.config().route().walk(0, nodes);
        return Templates.index(new AlertsView(
                alerts.open().stream().map(AlertsView.AlertRow::new).toList(),
                alerts.newest(SHOWN).stream().filter(a -> a.state() == AlertState.RESOLVED)
                        .map(AlertsView.AlertRow::new).toList(),
                silenceStore.newest(SHOWN), nodes.stream().map(e -> AlertsView.RouteRow.of(e.getKey(), e.getValue()))
                        .toList(),
                List.copyOf(routing.config().receivers().keySet()), outbox.newest(SHOWN), access.caller().isAdmin(),
                prefill == null ? "" : prefill, notice, error, Instant.now()));
    }

    @POST
    @Path("/silences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response silence(@FormParam("matchers") String matchers, @FormParam("duration") String duration,
            @FormParam("comment") String comment) {
        try {
            Instant now = Instant.now();
            Silence created = silences.create(Arrays.asList((matchers == null ? "" : matchers).split("\\R")), now,
                    now.plus(SilenceResource.duration(duration)), comment, actor());
            return back("notice", "Silence " + created.id() + " created: " + created.matcherText());
        } catch (IllegalArgumentException e) {
            return back("error", e.getMessage());
        }
    }

    @POST
    @Path("/silences/{id}/expire")
    public Response expire(@PathParam("id") long id) {
        try {
            boolean expired = silences.expire(id, Instant.now(), actor());
            return back("notice", expired ? "Silence " + id + " expired." : "Silence " + id + " was already over.");
        } catch (IllegalArgumentException e) {
            return back("error", e.getMessage());
        }
    }

    @POST
    @Path("/receivers/{name}/test")
    public Response sendTest(@PathParam("name") String name) {
        if (!access.caller().isAdmin()) {
            throw new dev.plumbline.access.NotAllowed("only an administrator may send test notifications");
        }
        try {
            int messages = test.send(name, request.actor(), request.remoteAddress(), Instant.now());
            return back("notice", messages == 0 ? "Receiver " + name + " has no integrations: nothing to send."
                    : "Test notification queued for " + name + " (" + messages + " message(s)); see the delivery log.");
        } catch (IllegalArgumentException e) {
            return back("error", e.getMessage());
        }
    }

    private Silences.Actor actor() {
        return new Silences.Actor(access.caller(), request.remoteAddress());
    }

    private static Response back(String kind, String message) {
        return Response.seeOther(URI.create("/alerts?" + kind + "=" + URLEncoder.encode(message,
                StandardCharsets.UTF_8))).build();
    }
}
