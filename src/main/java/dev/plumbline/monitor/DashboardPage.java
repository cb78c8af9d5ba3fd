package dev.plumbline.monitor;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The pipeline health dashboard: one panel per dataset, refreshed in place by htmx every few seconds. */
@Path("/")
public class DashboardPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<DatasetHealth> datasets);

        static native TemplateInstance index$datasets(List<DatasetHealth> datasets);
    }

    private final DatasetHealthQuery query;

    public DashboardPage(DatasetHealthQuery query) {
        this.query = query;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index(@HeaderParam("HX-Request") boolean htmx) {
        List<DatasetHealth> datasets = query.all();
        return htmx ? Templates.index$datasets(datasets) : Templates.index(datasets);
    }
}
