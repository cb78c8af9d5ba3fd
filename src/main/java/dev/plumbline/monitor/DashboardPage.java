package dev.plumbline.monitor;

import dev.plumbline.featurestore.FeatureHealth;
import dev.plumbline.featurestore.ViewRow;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * The pipeline health dashboard: one panel per dataset and a row per feature view against its SLAs, refreshed
 * in place by htmx every few seconds.
 */
@Path("/")
public class DashboardPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<DatasetHealth> datasets, List<ViewRow> views);

        static native TemplateInstance index$datasets(List<DatasetHealth> datasets, List<ViewRow> views);
    }

    private final DatasetHealthQuery query;
    private final FeatureHealth features;

    public DashboardPage(DatasetHealthQuery query, FeatureHealth features) {
        this.query = query;
        this.features = features;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index(@HeaderParam("HX-Request") boolean htmx) {
        List<DatasetHealth> datasets = query.all();
        Instant now = Instant.now();
        List<ViewRow> views = features.all().stream().map(view -> ViewRow.of(view, now)).toList();
        return htmx ? Templates.index$datasets(datasets, views) : Templates.index(datasets, views);
    }
}
