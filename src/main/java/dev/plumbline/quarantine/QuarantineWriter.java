package dev.plumbline.quarantine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.validate.BatchValidated;
import dev.plumbline.validate.BatchValidated.RejectedRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;

/**
 * Puts rejected records in the quarantine queue, within the validation transaction, so a run and its
 * quarantine commit together; {@link DownstreamPublisher} puts them on the dataset's quarantine topic.
 */
@ApplicationScoped
public class QuarantineWriter {

    private static final String INSERT = """
            INSERT INTO quarantined_record (staged_record_id, dataset_id, validation_run_id, contract_version_id,
                                            failures, quarantined_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?)""";

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    public QuarantineWriter(DataSource dataSource) {
        this.dataSource = dataSource;
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
}
