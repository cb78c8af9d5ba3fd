package dev.plumbline.ingest;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stages every record of the ingestion topics, a poll's batch at a time. The batch is acknowledged, and
 * so its offsets become committable, only when this method returns, that is after the staging
 * transaction committed: a crash before that replays the batch, and staging ignores what it already has.
 */
@ApplicationScoped
public class IngestListener {

    public static final String CHANNEL = "ingest";

    private static final Logger LOG = Logger.getLogger(IngestListener.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final StagingRepository staging;
    private final Event<BatchStaged> staged;
    private final Clock clock;

    public IngestListener(StagingRepository staging, Event<BatchStaged> staged) {
        this.staging = staging;
        this.staged = staged;
        this.clock = Clock.systemUTC();
    }

    @Incoming(CHANNEL)
    @Blocking
    public void stage(ConsumerRecords<String, byte[]> batch) throws InterruptedException {
        List<IncomingRecord> records = new ArrayList<>(batch.count());
        for (ConsumerRecord<String, byte[]> r : batch) {
            records.add(new IncomingRecord(r.topic(), r.partition(), r.offset(), r.key(), r.value()));
        }
        if (!records.isEmpty()) {
            stageUntilDurable(records);
        }
    }

    // Ingestion never drops a batch: while the database is away, the consumer waits here and Kafka keeps
    // the records; a rebalance meanwhile only means the batch is delivered again, which staging absorbs.
    private void stageUntilDurable(List<IncomingRecord> records) throws InterruptedException {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            Instant ingestedAt = clock.instant();
            Map<String, Integer> added;
            try {
                added = staging.stage(records, ingestedAt);
            } catch (RuntimeException e) {
                LOG.errorf("Could not stage %d records, retrying in %s: %s", records.size(), backoff, e.getMessage());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                continue;
            }
            staged.fire(new BatchStaged(added, ingestedAt));
            return;
        }
    }
}
