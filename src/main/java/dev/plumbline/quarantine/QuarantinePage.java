package dev.plumbline.quarantine;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The quarantine queue in the browser: newest first, each record with its payload and every reason. */
@Path("/quarantine")
public class QuarantinePage {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String dataset, List<QuarantineEntry> entries, Long nextBefore);

        static native TemplateInstance index$entries(String dataset, List<QuarantineEntry> entries, Long nextBefore);
    }

    private final QuarantineQueue queue;

    public QuarantinePage(QuarantineQueue queue) {
        this.queue = queue;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index(@QueryParam("dataset") String dataset,
            @QueryParam("before") @DefaultValue("9223372036854775807") long before,
            @HeaderParam("HX-Request") boolean htmx) {
        String filter = dataset == null || dataset.isBlank() ? null : dataset;
        List<QuarantineEntry> entries = queue.newest(filter, before, PAGE_SIZE);
        Long nextBefore = entries.size() == PAGE_SIZE ? entries.get(entries.size() - 1).id() : null;
        return htmx ? Templates.index$entries(filter, entries, nextBefore) : Templates.index(filter, entries, nextBefore);
    }
}
