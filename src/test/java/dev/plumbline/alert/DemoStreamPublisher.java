package dev.plumbline.alert;

import dev.plumbline.TestKafka;
import dev.plumbline.demo.DemoEvent;
import dev.plumbline.demo.IncidentScript;
import dev.plumbline.demo.TransactionStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The demo's transaction stream published to a topic of the test's own, a chunk at a time, with the currency
 * switch thrown by the test instead of the demo's clock. A chunk goes out as one producer batch, so that it is
 * staged, and validated, as one micro-batch: large enough for the unit watch's 200 values.
 */
final class DemoStreamPublisher {

    static final int CHUNK = 450;

    private final String topic;
    private final AtomicBoolean euroCents = new AtomicBoolean();
    // calm for the first five minutes of its hour: no other scripted incident while the test runs
    private final TransactionStream stream;

    DemoStreamPublisher(String topic) {
        this.topic = topic;
        this.stream = new TransactionStream(42, Instant.now(), IncidentScript.every(Duration.ofHours(1)),
                elapsed -> euroCents.get());
    }

    String topic() {
        return topic;
    }

    /** Publishes one chunk, amounts in dollars or in euro cents, and waits until the broker has it. */
    int publish(boolean inEuroCents) {
        euroCents.set(inEuroCents);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(), "acks", "all", "linger.ms", 100,
                "batch.size", 1 << 20), new StringSerializer(), new ByteArraySerializer())) {
            for (DemoEvent event : stream.next(Instant.now(), CHUNK)) {
                producer.send(new ProducerRecord<>(topic, 0, event.key(), event.value()));
            }
            producer.flush();
        }
        return CHUNK;
    }
}
