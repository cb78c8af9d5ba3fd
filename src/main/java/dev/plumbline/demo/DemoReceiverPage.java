package dev.plumbline.demo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The demo receiver's page: every notification it was sent, newest first, refreshed in place by htmx. */
@Path("/demo/receiver")
public class DemoReceiverPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<ReceivedNotification> received);

        static native TemplateInstance index$received(List<ReceivedNotification> received);
    }

    private final DemoInbox inbox;

    public DemoReceiverPage(DemoInbox inbox) {
        this.inbox = inbox;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index(@HeaderParam("HX-Request") boolean htmx) {
        if (!inbox.enabled()) {
            throw new NotFoundException();
        }
        List<ReceivedNotification> received = inbox.newest();
        return htmx ? Templates.index$received(received) : Templates.index(received);
    }
}
