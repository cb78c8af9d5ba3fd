package dev.plumbline.monitor;

import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.ingest.BatchStaged;
import dev.plumbline.validate.BatchValidated;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Exports the pipeline's figures per dataset on /q/metrics: records staged and quarantined (counters),
 * the latest batch's pass rate and the median event-to-ingestion lag (gauges).
 */
@ApplicationScoped
public class PipelineMetrics {

    static final String STAGED = "plumbline.records.staged";
    static final String QUARANTINED = "plumbline.records.quarantined";
    static final String PASS_RATE = "plumbline.validation.pass.rate";
    static final String LAG = "plumbline.ingestion.lag.seconds";

    private final MeterRegistry meters;
    private final DatasetRegistry registry;
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    public PipelineMetrics(MeterRegistry meters, DatasetRegistry registry) {
        this.meters = meters;
        this.registry = registry;
    }

    void staged(@Observes BatchStaged batch) {
        Map<String, String> datasetByTopic = registry.list().stream()
                .collect(Collectors.toMap(d -> d.topic, d -> d.name));
        batch.newRecordsByTopic().forEach((topic, added) -> meters
                .counter(STAGED, Tags.of("dataset", datasetByTopic.getOrDefault(topic, topic)))
                .increment(added));
    }

    void validated(@Observes(during = TransactionPhase.AFTER_SUCCESS) BatchValidated batch) {
        Latest figures = latest.computeIfAbsent(batch.datasetName(), this::register);
        figures.passRate = batch.run().passRate;
        if (batch.run().lagP50Ms != null) {
            figures.lagSeconds = batch.run().lagP50Ms / 1000.0;
        }
        meters.counter(QUARANTINED, Tags.of("dataset", batch.datasetName())).increment(batch.rejected().size());
    }

    private Latest register(String dataset) {
        Latest figures = new Latest();
        Tags tags = Tags.of("dataset", dataset);
        meters.gauge(PASS_RATE, tags, figures, f -> f.passRate);
        meters.gauge(LAG, tags, figures, f -> f.lagSeconds);
        return figures;
    }

    /** The latest figures of one dataset, held here so that the gauges can read them. */
    private static final class Latest {
        volatile double passRate = Double.NaN;
        volatile double lagSeconds = Double.NaN;
    }
}
