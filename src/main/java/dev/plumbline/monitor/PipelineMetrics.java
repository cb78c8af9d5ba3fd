package dev.plumbline.monitor;

import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.ingest.BatchStaged;
import dev.plumbline.validate.BatchValidated;
import dev.plumbline.validate.freshness.DatasetStaleness;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Exports the pipeline's figures per dataset on /q/metrics: records staged and quarantined (counters),
 * the latest batch's pass rate, the median event-to-ingestion lag and the seconds since the newest record
 * arrived (gauges).
 */
@ApplicationScoped
public class PipelineMetrics {

    static final String STAGED = "plumbline.records.staged";
    static final String QUARANTINED = "plumbline.records.quarantined";
    static final String PASS_RATE = "plumbline.validation.pass.rate";
    static final String LAG = "plumbline.ingestion.lag.seconds";
    static final String STALENESS = "plumbline.dataset.staleness.seconds";

    private final MeterRegistry meters;
    private final DatasetRegistry registry;
    private final DatasetStaleness staleness;
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();
    private final Set<String> stalenessGauges = ConcurrentHashMap.newKeySet();
    private volatile TopicNames topicNames = new TopicNames(Map.of(), Instant.EPOCH);

    public PipelineMetrics(MeterRegistry meters, DatasetRegistry registry, DatasetStaleness staleness) {
        this.meters = meters;
        this.registry = registry;
        this.staleness = staleness;
    }

    // A dataset that stopped before a restart must still show its staleness after it.
    void start(@Observes StartupEvent event) {
        registry.list().forEach(dataset -> registerStaleness(dataset.name));
    }

    void staged(@Observes BatchStaged batch) {
        Map<String, String> datasetByTopic = datasetByTopic(batch.newRecordsByTopic().keySet());
        batch.newRecordsByTopic().forEach((topic, added) -> meters
                .counter(STAGED, Tags.of("dataset", datasetByTopic.getOrDefault(topic, topic)))
                .increment(added));
        batch.newRecordsByTopic().keySet().stream().filter(datasetByTopic::containsKey)
                .forEach(topic -> registerStaleness(datasetByTopic.get(topic)));
    }

    // Batches are staged many times a second and which dataset a topic feeds rarely changes: the map is read again
    // when it is a second old, or when a batch comes from a topic it does not know.
    private Map<String, String> datasetByTopic(Set<String> topics) {
        TopicNames names = topicNames;
        Instant now = Instant.now();
        if (now.isAfter(names.readAt().plusSeconds(1)) || !names.byTopic().keySet().containsAll(topics)) {
            names = new TopicNames(registry.list().stream().collect(Collectors.toMap(d -> d.topic, d -> d.name)), now);
            topicNames = names;
        }
        return names.byTopic();
    }

    private record TopicNames(Map<String, String> byTopic, Instant readAt) {
    }

    // Read from the database at each scrape, so every replica reports the same age, restarts included.
    private void registerStaleness(String dataset) {
        if (stalenessGauges.add(dataset)) {
            Gauge.builder(STALENESS, () -> ageSeconds(dataset)).tags(Tags.of("dataset", dataset)).register(meters);
        }
    }

    void validated(@Observes(during = TransactionPhase.AFTER_SUCCESS) BatchValidated batch) {
        Latest figures = latest.computeIfAbsent(batch.datasetName(), this::register);
        registerStaleness(batch.datasetName());
        figures.passRate = batch.run().passRate;
        if (batch.run().lagP50Ms != null) {
            figures.lagSeconds = batch.run().lagP50Ms / 1000.0;
        }
        meters.counter(QUARANTINED, Tags.of("dataset", batch.datasetName())).increment(batch.rejected().size());
    }

    // A database that is away must not fail the whole scrape; the age is then unknown.
    private double ageSeconds(String dataset) {
        try {
            return staleness.ageSeconds(dataset, Instant.now());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
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
