package dev.plumbline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

/**
 * The raw ceilings of the pipeline's three steps on this machine, each alone, on the same transactions: Kafka
 * produce and consume, a PostgreSQL COPY into a table shaped like staging (batches of 500, a commit each,
 * as the listener polls), and Jackson's {@code readTree}. Each is records per second of wall-clock time.
 */
final class RawCeilings {

    private static final int COPY_BATCH = 500;
    private static final int PARTITIONS = 3;

    private final List<byte[]> events;

    RawCeilings(int records) {
        TransactionEvents source = new TransactionEvents("ceiling");
        Instant now = Instant.now();
        events = new ArrayList<>(records);
        for (long n = 0; n < records; n++) {
            events.add(source.event(n, now));
        }
    }

    /**
     * Publishes every event to a fresh topic while a consumer reads them back; done when all have arrived. The
     * clock starts once the consumer has its partitions, so it measures throughput, not the group's start.
     */
    double kafka(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
        AtomicLong consumed = new AtomicLong();
        CountDownLatch assigned = new CountDownLatch(1);
        Thread consumer = new Thread(() -> consume(bootstrapServers, topic, assigned, consumed), "ceiling-consumer");
        consumer.start();
        assigned.await(2, TimeUnit.MINUTES);
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers,
                "acks", "all", "enable.idempotence", "true", "linger.ms", "5", "batch.size", "262144"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int n = 0; n < events.size(); n++) {
                producer.send(new ProducerRecord<>(topic, TransactionEvents.key(n), events.get(n)));
            }
        }
        consumer.join(Duration.ofMinutes(10).toMillis());
        return rate(consumed.get(), started);
    }

    private void consume(String bootstrapServers, String topic, CountDownLatch assigned, AtomicLong consumed) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                bootstrapServers, "group.id", topic, "auto.offset.reset", "earliest", "max.poll.records", "500"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (consumed.get() < events.size()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (!consumer.assignment().isEmpty()) {
                    assigned.countDown();
                }
                consumed.addAndGet(records.count());
                consumer.commitAsync();
            }
        }
    }

    /** COPYs every event into a table created like staged_record, a batch of 500 per commit. */
    double copy(String jdbcUrl, String user, String password) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            try (Statement s = db.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_copy_ceiling");
                s.execute("CREATE TABLE bench_copy_ceiling (LIKE staged_record INCLUDING ALL)");
            }
            db.setAutoCommit(false);
            long started = System.nanoTime();
            for (int from = 0; from < events.size(); from += COPY_BATCH) {
                StringBuilder csv = new StringBuilder();
                String now = Instant.now().toString();
                for (int n = from; n < Math.min(events.size(), from + COPY_BATCH); n++) {
                    String value = new String(events.get(n), StandardCharsets.UTF_8);
                    boolean json = value.endsWith("}");
                    csv.append("ceiling,0,").append(n).append(',').append(TransactionEvents.key(n)).append(',')
                            .append(json ? '"' + value.replace("\"", "\"\"") + '"' : "").append(',')
                            .append(json ? "" : "truncated").append(',').append(now).append('\n');
                }
                db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_copy_ceiling (topic, kafka_partition,"
                        + " kafka_offset, record_key, payload, parse_error, ingested_at) FROM STDIN (FORMAT csv)",
                        new StringReader(csv.toString()));
                db.commit();
            }
            double rate = rate(events.size(), started);
            try (Statement s = db.createStatement()) {
                s.execute("DROP TABLE bench_copy_ceiling");
            }
            db.commit();
            return rate;
        }
    }

    /** Reads every event into a tree with a plain ObjectMapper, malformed ones failing as they must. */
    double jackson() {
        ObjectMapper json = new ObjectMapper();
        double best = 0;
        for (int round = 0; round < 5; round++) {
            long started = System.nanoTime(), nodes = 0;
            for (byte[] event : events) {
                try {
                    nodes += json.readTree(event).size();
                } catch (java.io.IOException e) {
                    nodes--;
                }
            }
            best = Math.max(best, rate(events.size(), started) + (nodes == Long.MIN_VALUE ? 1 : 0));
        }
        return best;
    }

    private static double rate(long records, long startedNanos) {
        return records / ((System.nanoTime() - startedNanos) / 1e9);
    }
}
