package dev.plumbline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes transactions to a topic at a steady rate, as a source would: every millisecond, whatever the rate
 * says is due by then. Idempotent producer with acks=all, as the fault drill's.
 */
final class PacedPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong failed = new AtomicLong();
    private long next;

    PacedPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                "enable.idempotence", "true", "linger.ms", "5", "batch.size", "262144"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Publishes {@code perSecond} events a second until {@code duration}'s worth is out; returns the seconds that
     * took, more than {@code duration} where this machine could not keep the pace.
     */
    double publish(String topic, TransactionEvents events, double perSecond, Duration duration)
            throws InterruptedException {
        long total = Math.round(perSecond * duration.toNanos() / 1e9), sent = 0;
        long started = System.nanoTime();
        while (sent < total) {
            long due = Math.min(total, (long) ((System.nanoTime() - started) / 1e9 * perSecond));
            Instant at = Instant.now();
            for (; sent < due; sent++) {
                send(topic, events, at);
            }
            Thread.sleep(1);
        }
        producer.flush();
        return (System.nanoTime() - started) / 1e9;
    }

    private void send(String topic, TransactionEvents events, Instant at) {
        long n = next++;
        producer.send(new ProducerRecord<>(topic, TransactionEvents.key(n), events.event(n, at)), (metadata, error) -> {
            if (error != null) {
                failed.incrementAndGet();
            }
        });
    }

    /** Everything this publisher sent so far, over all calls. */
    long published() {
        return next;
    }

    long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
