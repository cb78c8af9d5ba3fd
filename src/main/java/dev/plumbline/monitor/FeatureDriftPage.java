package dev.plumbline.monitor;

import dev.plumbline.featurestore.FeatureRegistry;
import dev.plumbline.monitor.drift.FeatureDriftRecorder;
import dev.plumbline.monitor.history.MetricHistory;
import dev.plumbline.monitor.history.Series;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A feature view's drift history: PSI per feature against its frozen baseline over a chosen period, with the 0.1
 * and 0.2 bands, a summary sentence and a data table. The view's page loads it as a fragment (htmx).
 */
@Path("/features/{name}/drift")
public class FeatureDriftPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance drift(String view, TrendRange range, List<TrendRange> ranges, TrendChart chart);

        static native TemplateInstance drift$chart(String view, TrendRange range, List<TrendRange> ranges,
                TrendChart chart);
    }

    private final FeatureRegistry registry;
    private final MetricHistory history;
    private final Clock clock = Clock.systemUTC();

    public FeatureDriftPage(FeatureRegistry registry, MetricHistory history) {
        this.registry = registry;
        this.history = history;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance drift(@PathParam("name") String name, @QueryParam("range") String rangeCode,
            @HeaderParam("HX-Request") boolean htmx) {
        registry.get(name, null).orElseThrow(() -> new NotFoundException("no feature view " + name));
        TrendRange range = TrendRange.requested(rangeCode);
        Instant now = clock.instant();
        // per feature of every version of the view: the series are told apart by the feature alone
        List<Series> series = history.read(FeatureDriftRecorder.FEATURE_PSI, Map.of("view", name),
                now.minus(range.length()), now, now).stream()
                .map(s -> new Series(s.metric(), Map.of("feature", s.labels().get("feature")), s.resolution(),
                        s.points())).toList();
        TrendChart chart = TrendChart.psi("feature-psi", "Drift (PSI) per feature of " + name, series);
        List<TrendRange> ranges = List.of(TrendRange.values());
        return htmx ? Templates.drift$chart(name, range, ranges, chart) : Templates.drift(name, range, ranges, chart);
    }
}
