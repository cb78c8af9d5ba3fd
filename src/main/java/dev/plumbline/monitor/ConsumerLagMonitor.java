package dev.plumbline.monitor;

import dev.plumbline.monitor.history.MetricHistory;
import dev.plumbline.monitor.history.Sample;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Kafka consumer lag of the ingest group per topic and partition: the end offset minus the offset ingest
 * committed, read from the broker (so every replica reports the group's lag, not only its own partitions).
 * Exported as {@code plumbline_kafka_consumer_lag_records} and kept in the metric history as {@code consumer_lag}.
 */
@ApplicationScoped
public class ConsumerLagMonitor {

    public static final String CONSUMER_LAG = "consumer_lag";
    static final String GAUGE = "plumbline.kafka.consumer.lag.records";

    private static final Logger LOG = Logger.getLogger(ConsumerLagMonitor.class);
    private static final long TIMEOUT_SECONDS = 10;

    private final MeterRegistry meters;
    private final MetricHistory history;
    private final String group;
    private final String bootstrapServers;
    private final Map<TopicPartition, AtomicLong> lags = new ConcurrentHashMap<>();
    private Admin admin;
    private volatile boolean stopping;

    public ConsumerLagMonitor(MeterRegistry meters, MetricHistory history,
            @ConfigProperty(name = "mp.messaging.incoming.ingest.group.id", defaultValue = "plumbline-ingest") String group,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.meters = meters;
        this.history = history;
        this.group = group;
        this.bootstrapServers = bootstrapServers;
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }

    /** Reads the lag now and sets the gauges and the history with it; a broker that does not answer is logged. */
    @Scheduled(every = "${plumbline.monitor.consumer-lag-interval:15s}", delay = 5,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sample() {
        if (stopping) {
            return;
        }
        try {
            Map<TopicPartition, Long> current = current();
            Instant now = Instant.now();
            List<Sample> samples = new ArrayList<>();
            current.forEach((partition, lag) -> {
                gauge(partition).set(lag);
                samples.add(Sample.of(CONSUMER_LAG, Map.of("topic", partition.topic(),
                        "partition", Integer.toString(partition.partition())), now, lag));
            });
            history.record(samples);
        } catch (RuntimeException e) {
            LOG.warnf("Consumer lag not sampled: %s", e.getMessage());
        }
    }

    /** The lag of every partition the ingest group has committed an offset for. */
    public Map<TopicPartition, Long> current() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin().listOffsets(latest).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return committed.entrySet().stream().filter(e -> e.getValue() != null && ends.containsKey(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey,
                            e -> Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading consumer lag", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not report the offsets of group " + group, e);
        }
    }

    private AtomicLong gauge(TopicPartition partition) {
        return lags.computeIfAbsent(partition, p -> {
            AtomicLong lag = new AtomicLong();
            Gauge.builder(GAUGE, lag, AtomicLong::get)
                    .tags(Tags.of("topic", p.topic(), "partition", Integer.toString(p.partition())))
                    .register(meters);
            return lag;
        });
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers,
                    "request.timeout.ms", (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)));
        }
        return admin;
    }
}
