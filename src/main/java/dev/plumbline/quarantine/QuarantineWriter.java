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
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Puts rejected records in the quarantine queue, within the validation transaction, so a run and its
 * quarantine commit together; {@link DownstreamPublisher} puts them on the dataset's quarantine topic.
 */
@ApplicationScoped
public class QuarantineWriter {

    // One statement per batch, whatever the number of its rejected records.
    private static final String INSERT = """
            INSERT INTO quarantined_record (staged_record_id, dataset_id, validation_run_id, contract_version_id,
                                            failures, quarantined_at)
            SELECT r.id, ?, ?, ?, r.failures::jsonb, ?
            FROM unnest(?::int8[], ?::text[]) WITH ORDINALITY AS r(id, failures, n) ORDER BY r.n""";

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
            List<String> failures = new ArrayList<>(batch.rejected().size());
            for (RejectedRecord record : batch.rejected()) {
                failures.add(json.writeValueAsString(record.failures()));
            }
            insert.setLong(1, batch.run().datasetId);
            insert.setLong(2, batch.run().id);
            insert.setLong(3, batch.run().contractVersionId);
            insert.setTimestamp(4, Timestamp.from(batch.run().finishedAt));
            insert.setArray(5, c.createArrayOf("int8",
                    batch.rejected().stream().map(RejectedRecord::stagedRecordId).toArray()));
            insert.setArray(6, c.createArrayOf("text", failures.toArray()));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not quarantine " + batch.rejected().size() + " records", e);
        }
    }
}
