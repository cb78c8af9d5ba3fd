package dev.plumbline.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes transactions with the ids {@code drill-<n>} for n in [from, from + count) to a topic, each
 * exactly once (idempotent producer, acks=all), so that a drill can count what arrived.
 * Usage: {@code DrillProducer <bootstrap servers> <topic> <from> <count>}.
 */
public final class DrillProducer {

    private static final String[] CURRENCIES = {"USD", "EUR", "GBP"};

    private DrillProducer() {
    }

    public static void main(String[] args) throws InterruptedException {
        String topic = args[1];
        long from = Long.parseLong(args[2]);
        long count = Long.parseLong(args[3]);
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", args[0], "acks", "all", "enable.idempotence", "true",
                "linger.ms", "20", "batch.size", "262144"), new StringSerializer(), new ByteArraySerializer())) {
            long started = System.nanoTime();
            for (long n = from; n < from + count; n++) {
                String customer = String.format(Locale.ROOT, "cus-%05d", n % 5000);
                producer.send(new ProducerRecord<>(topic, customer, event(n, customer)), (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "published %d events to %s in %.1f s (%.0f/s), %d failed%n", count, topic,
                    seconds, count / seconds, failed.get());
        }
        if (failed.get() > 0) {
            System.exit(1);
        }
    }

    static byte[] event(long n, String customer) {
        String json = String.format(Locale.ROOT, "{\"transaction_id\":\"drill-%09d\",\"customer_id\":\"%s\","
                + "\"amount\":%d.%02d,\"currency\":\"%s\",\"event_time\":\"%s\",\"channel\":\"web\"}",
                n, customer, n % 500, n % 100, CURRENCIES[(int) (n % 3)], Instant.now());
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
