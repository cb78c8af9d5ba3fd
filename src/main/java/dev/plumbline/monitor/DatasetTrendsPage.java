package dev.plumbline.monitor;

import dev.plumbline.contract.Dataset;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.monitor.history.HistoryRecorder;
import dev.plumbline.monitor.history.MetricHistory;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A dataset's trends from the metric history: pass rate per contract version, ingestion lag, Kafka consumer lag
 * per partition, quarantine depth, PSI per column with its 0.1 and 0.2 bands, and the age and serving p99 of the
 * feature views built on the dataset, over a chosen period (six hours to a year).
 */
@Path("/datasets/{name}")
public class DatasetTrendsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance trends(Dataset dataset, TrendRange range, List<TrendRange> ranges,
                List<TrendChart> charts);
    }

    private final DatasetRegistry registry;
    private final MetricHistory history;
    private final Clock clock = Clock.systemUTC();

    public DatasetTrendsPage(DatasetRegistry registry, MetricHistory history) {
        this.registry = registry;
        this.history = history;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance trends(@PathParam("name") String name, @QueryParam("range") String rangeCode) {
        Dataset dataset = registry.get(name).orElseThrow(() -> new NotFoundException("no dataset " + name));
        TrendRange range = TrendRange.requested(rangeCode);
        Instant now = clock.instant();
        Instant from = now.minus(range.length());
        Map<String, String> labels = Map.of("dataset", name);
        List<TrendChart> charts = List.of(
                new TrendChart("pass-rate", "Validation pass rate", "%",
                        history.read(HistoryRecorder.PASS_RATE, labels, from, now, now),
                        List.of(new TrendChart.Band(0.99, "99% (critical sources)")), DatasetTrendsPage::percent),
                new TrendChart("lag", "Ingestion lag (event time to staging)", "s",
                        concat(history.read(HistoryRecorder.LAG_P50, labels, from, now, now),
                                history.read(HistoryRecorder.LAG_MAX, labels, from, now, now)),
                        List.of(new TrendChart.Band(300, "5 min (streaming)")), DatasetTrendsPage::seconds),
                new TrendChart("consumer-lag", "Kafka consumer lag per partition", "records",
                        history.read(ConsumerLagMonitor.CONSUMER_LAG, Map.of("topic", dataset.topic), from, now, now),
                        List.of(), DatasetTrendsPage::count),
                new TrendChart("quarantine", "Open quarantine", "records",
                        history.read(HistoryRecorder.QUARANTINE_DEPTH, labels, from, now, now), List.of(),
                        DatasetTrendsPage::count),
                TrendChart.psi("psi", "Drift (PSI) per column", history.read(HistoryRecorder.PSI, labels, from,
                        now, now)));
        return Templates.trends(dataset, range, List.of(TrendRange.values()), charts);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }
}
