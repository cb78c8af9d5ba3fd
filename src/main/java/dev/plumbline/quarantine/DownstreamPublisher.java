package dev.plumbline.quarantine;

import dev.plumbline.validate.BatchValidated;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes validation's decisions from the outbox: each dataset's passed and released records on its
 * validated topic (the payload as staged, with its provenance in headers) and its quarantined records on its
 * quarantine topic. A claim is marked published only after the broker acknowledged every message of it; a
 * failure rolls the claim back for the next tick.
 */
@ApplicationScoped
public class DownstreamPublisher {

    private static final Logger LOG = Logger.getLogger(DownstreamPublisher.class);
    private static final int RELEASED_PER_CHUNK = 1_000;
    // About 30,000 records at the default batch size: a few seconds of validation at full speed.
    private static final int FRESH_RUNS = 32;

    private final DownstreamOutbox outbox;
    private final DownstreamConfig config;
    private final String bootstrapServers;
    // Runs this replica validated, published from memory; a run that finds it full is read back from the outbox.
    private final BlockingQueue<BatchValidated> fresh = new ArrayBlockingQueue<>(FRESH_RUNS);
    private Producer<String, String> producer;
    private volatile boolean stopping;

    public DownstreamPublisher(DownstreamOutbox outbox, DownstreamConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.outbox = outbox;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    void validated(@Observes(during = TransactionPhase.AFTER_SUCCESS) BatchValidated batch) {
        fresh.offer(batch);
    }

    @Scheduled(every = "${plumbline.downstream.publish-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (stopping) {
            return;
        }
        try {
            publishPending();
        } catch (RuntimeException e) {
            LOG.warnf("Downstream topics are behind; retrying next tick: %s", e.getMessage());
        }
    }

    /** Publishes every run and release not yet published; returns how many messages went out. */
    public int publishPending() {
        int sent = 0;
        Integer chunk;
        // First the runs not held in memory, the older ones: from before a restart, from another replica, or that
        // found the queue full. Then those held, without reading them back.
        while ((chunk = QuarkusTransaction.requiringNew().call(() -> publish(outbox.claimRuns(held())))) != null) {
            sent += chunk;
        }
        while ((chunk = QuarkusTransaction.requiringNew().call(this::publishFresh)) != null) {
            sent += chunk;
        }
        while ((chunk = QuarkusTransaction.requiringNew().call(this::publishReleased)) != null) {
            sent += chunk;
        }
        return sent;
    }

    private Integer publish(DownstreamOutbox.Claim claim) throws SQLException {
        if (claim.isEmpty()) {
            return null;
        }
        send(claim.messages());
        outbox.markRunsPublished(claim.rows());
        return claim.messages().size();
    }

    private List<Long> held() {
        return fresh.stream().map(batch -> batch.run().id).toList();
    }

    // A run taken from memory is gone from it even if sending fails: the outbox then reads it back.
    private Integer publishFresh() throws SQLException {
        List<BatchValidated> batches = new ArrayList<>();
        fresh.drainTo(batches, config.runsPerChunk());
        return batches.isEmpty() ? null : Objects.requireNonNullElse(publish(outbox.claimFresh(batches)), 0);
    }

    private Integer publishReleased() throws SQLException {
        DownstreamOutbox.Claim claim = outbox.claimReleased(RELEASED_PER_CHUNK);
        if (claim.isEmpty()) {
            return null;
        }
        send(claim.messages());
        outbox.markReleasedPublished(claim.rows());
        return claim.messages().size();
    }

    private void send(List<DownstreamMessage> messages) {
        Producer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(messages.size());
        messages.forEach(message -> acks.add(kafka.send(message.toRecord())));
        kafka.flush();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing downstream", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker did not take a downstream message", e.getCause());
        }
    }

    private synchronized Producer<String, String> producer() {
        if (stopping) {
            throw new IllegalStateException("shutting down");
        }
        if (producer == null) {
            // A chunk is sent and flushed at once: batches of up to 512 KB (the broker takes 1 MB), rather than
            // the default 16 KB, send it in a few requests per partition.
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                    "enable.idempotence", true, "linger.ms", 5, "batch.size", 1 << 19, "max.block.ms", 10_000,
                    "delivery.timeout.ms", 30_000, "request.timeout.ms", 10_000),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
