package dev.plumbline.access;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The audit log for administrators, newest first, a page at a time. */
@Path("/admin/audit")
public class AuditPage {

    static final int PAGE_SIZE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<AuditEntry> entries, Long nextBefore);
    }

    private final AuditLog log;

    public AuditPage(AuditLog log) {
        this.log = log;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index(@QueryParam("before") @DefaultValue("9223372036854775807") long before) {
        List<AuditEntry> entries = log.newest(before, PAGE_SIZE);
        Long nextBefore = entries.size() == PAGE_SIZE ? entries.get(entries.size() - 1).id() : null;
        return Templates.index(entries, nextBefore);
    }
}
