package dev.plumbline.monitor;

import dev.plumbline.featurestore.FeatureHealth;
import dev.plumbline.featurestore.ViewRow;
import dev.plumbline.monitor.rules.Alert;
import dev.plumbline.monitor.rules.AlertStore;
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
 * The pipeline health dashboard: the alerts firing now, one panel per dataset and a row per feature view against
 * its SLAs, refreshed in place by htmx every few seconds.
 */
@Path("/")
public class DashboardPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Alert> firing, List<DatasetHealth> datasets, List<ViewRow> views);

        static native TemplateInstance index$datasets(List<Alert> firing, List<DatasetHealth> datasets,
                List<ViewRow> views);
    }

    private final DatasetHealthQuery query;
    private final FeatureHealth features;
    private final AlertStore alerts;

    public DashboardPage(DatasetHealthQuery query, FeatureHealth features, AlertStore alerts) {
        this.query = query;
        this.features = features;
        this.alerts = alerts;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index(@HeaderParam("HX-Request") boolean htmx) {
        List<DatasetHealth> datasets = query.all();
        Instant now = Instant.now();
        List<ViewRow> views = features.all().stream().map(view -> ViewRow.of(view, now)).toList();
        List<Alert> firing = alerts.open().stream().filter(Alert::firing).toList();
        return htmx ? Templates.index$datasets(firing, datasets, views) : Templates.index(firing, datasets, views);
    }
}
