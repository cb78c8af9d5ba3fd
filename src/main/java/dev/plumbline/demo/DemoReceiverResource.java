package dev.plumbline.demo;

import dev.plumbline.alert.WebhookMessage;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The demo's local alert receiver: PagerDuty Events v2, Slack and signed webhook notifications posted by the
 * outbox to {@code /demo/receiver/{kind}} land in {@link DemoInbox}, shown at {@code /demo/receiver}. It exists
 * only while the demo runs, and needs no sign-in, as a real receiver would not.
 */
@Path("/demo/receiver")
public class DemoReceiverResource {

    static final Set<String> KINDS = Set.of("pagerduty", "slack", "webhook");
    private static final Logger LOG = Logger.getLogger(DemoReceiverResource.class);

    private final DemoInbox inbox;

    public DemoReceiverResource(DemoInbox inbox) {
        this.inbox = inbox;
    }

    @POST
    @Path("{kind}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("kind") String kind, String body,
            @HeaderParam(WebhookMessage.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(WebhookMessage.SIGNATURE_HEADER) String signature) {
        if (!inbox.enabled() || !KINDS.contains(kind)) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        ReceivedNotification n = inbox.add(Instant.now(), kind, body == null ? "" : body, timestamp, signature);
        LOG.infof("Demo receiver got a %s notification: %s %s", kind, n.action(), n.summary());
        // PagerDuty answers 202 with this shape; the others take any 2xx.
        return Response.accepted(Map.of("status", "success", "message", "Event processed")).build();
    }
}
