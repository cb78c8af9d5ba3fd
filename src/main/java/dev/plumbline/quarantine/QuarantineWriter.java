package dev.plumbline.quarantine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.validate.BatchValidated;
import dev.plumbline.validate.BatchValidated.RejectedRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Puts rejected records in the quarantine queue: in the table within the validation transaction, so a
 * run and its quarantine commit together, then on the dataset's quarantine topic once that transaction
 * committed.
 */
@ApplicationScoped
public class QuarantineWriter {

    public static final String CHANNEL = "quarantine";

    private static final Logger LOG = Logger.getLogger(QuarantineWriter.class);
    private static final String INSERT = """
            INSERT INTO quarantined_record (staged_record_id, dataset_id, validation_run_id, contract_version_id,
                                            failures, quarantined_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?)""";

    private final DataSource dataSource;
    private final Emitter<String> topic;
    private final QuarantineConfig config;
    private final ObjectMapper json = new ObjectMapper();

    public QuarantineWriter(DataSource dataSource,
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000) Emitter<String> topic,
            QuarantineConfig config) {
        this.dataSource = dataSource;
        this.topic = topic;
        this.config = config;
    }

    void store(@Observes BatchValidated batch) {
        if (batch.rejected().isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (RejectedRecord record : batch.rejected()) {
                insert.setLong(1, record.stagedRecordId());
                insert.setLong(2, batch.run().datasetId);
                insert.setLong(3, batch.run().id);
                insert.setLong(4, batch.run().contractVersionId);
                insert.setString(5, json.writeValueAsString(record.failures()));
                insert.setTimestamp(6, Timestamp.from(batch.run().finishedAt));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not quarantine " + batch.rejected().size() + " records", e);
        }
    }

    void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) BatchValidated batch) {
        String datasetTopic = config.topic(batch.datasetName());
        for (RejectedRecord record : batch.rejected()) {
            try {
                topic.send(Message.of(json.writeValueAsString(announcement(batch, record)))
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(datasetTopic)
                                .withKey(record.key()).build()));
            } catch (JsonProcessingException | RuntimeException e) {
                // The table is the system of record; the topic is a notification of it.
                LOG.warnf("Quarantined record %d is in the table but not on the topic: %s", record.stagedRecordId(),
                        e.getMessage());
            }
        }
    }

    private static Map<String, Object> announcement(BatchValidated batch, RejectedRecord record) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("dataset", batch.datasetName());
        message.put("stagedRecordId", record.stagedRecordId());
        message.put("validationRunId", batch.run().id);
        message.put("contractVersionId", batch.run().contractVersionId);
        message.put("failures", record.failures());
        message.put("quarantinedAt", batch.run().finishedAt.toString());
        return message;
    }
}
