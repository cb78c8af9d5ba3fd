package dev.plumbline.demo;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Publishes the demo transaction stream to Kafka once a second, only when {@code plumbline.demo.enabled}. */
@Singleton
public class DemoPublisher {

    private static final Logger LOG = Logger.getLogger(DemoPublisher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final DemoConfig config;
    private final String bootstrapServers;
    private final AtomicInteger failedSends = new AtomicInteger();
    private final AtomicReference<Exception> lastFailure = new AtomicReference<>();
    private Producer<String, byte[]> producer;
    private TransactionStream stream;
    private IncidentKind lastIncident;
    private boolean inEuroCents;

    @Inject
    public DemoPublisher(DemoConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start(new KafkaProducer<>(producerSettings()), Instant.now());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        publish(Instant.now());
    }

    /** Starts publishing through {@code producer}; the incident cycle counts from {@code start}. */
    synchronized void start(Producer<String, byte[]> producer, Instant start) {
        IncidentScript script = IncidentScript.every(config.incidentCycle());
        CurrencySwitch currencySwitch = config.currencySwitch().schedule();
        this.stream = new TransactionStream(config.seed(), start, script, currencySwitch::activeAt);
        this.producer = producer;
        LOG.infof("Demo stream on: %d transactions/s to topic '%s' at %s, incidents every %ss (seed %d)",
                config.ratePerSecond(), config.topic(), bootstrapServers, script.cycle().toSeconds(), config.seed());
        if (config.currencySwitch().enabled()) {
            LOG.infof("Demo drift incident on '%s': %s", config.topic(), currencySwitch.describe());
        }
    }

    /** Publishes one second's worth of records; a failed send is logged, never thrown. */
    synchronized void publish(Instant now) {
        if (producer == null) {
            return;
        }
        reportFailedSends();
        announceIncident(now);
        try {
            for (DemoEvent event : stream.next(now, config.ratePerSecond())) {
                producer.send(new ProducerRecord<>(config.topic(), event.key(), event.value()), this::completed);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Demo stream could not publish to topic '%s'; retrying next second", config.topic());
        }
    }

    synchronized void stop() {
        if (producer != null) {
            producer.close(CLOSE_TIMEOUT);
            producer = null;
        }
    }

    private void announceIncident(Instant now) {
        boolean euroCents = stream.inEuroCentsAt(now);
        if (euroCents != inEuroCents) {
            LOG.infof(euroCents ? "Demo drift incident started on '%s': amount in euro cents instead of US dollars"
                    : "Demo drift incident over on '%s': amount in US dollars again", config.topic());
        }
        inEuroCents = euroCents;
        IncidentKind incident = stream.incidentAt(now).orElse(null);
        if (incident != null && incident != lastIncident) {
            LOG.infof("Demo incident started on '%s': %s (%s)", config.topic(), incident, incident.description());
        }
        lastIncident = incident;
    }

    private void completed(RecordMetadata metadata, Exception failure) {
        if (failure != null) {
            failedSends.incrementAndGet();
            lastFailure.set(failure);
        }
    }

    private void reportFailedSends() {
        int failed = failedSends.getAndSet(0);
        if (failed > 0) {
            LOG.warnf("Demo stream: %d sends to topic '%s' failed since the last tick: %s", failed, config.topic(),
                    lastFailure.get());
        }
    }

    private Map<String, Object> producerSettings() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "plumbline-demo",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    }
}
