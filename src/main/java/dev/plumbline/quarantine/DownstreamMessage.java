package dev.plumbline.quarantine;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One message for a downstream topic. Delivery is at least once (a crash after sending and before the outbox
 * mark republishes), so every message carries the staged record's id in {@code plumbline-record-id} for
 * consumers to drop repeats.
 */
record DownstreamMessage(String topic, String key, String value, Map<String, String> headers) {

    static final String RECORD_ID = "plumbline-record-id";

    ProducerRecord<String, String> toRecord() {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.forEach((name, text) -> kafkaHeaders.add(name, text.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, key, value, kafkaHeaders);
    }
}
