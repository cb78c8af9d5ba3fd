package dev.plumbline.validate;

import dev.plumbline.ingest.StagedRecord;
import java.util.List;

/**
 * A micro-batch was validated: the run as recorded, the contract version it was judged by, every record of the batch
 * in staging order, and every record that failed with its reasons.
 */
public record BatchValidated(String datasetName, String contractVersion, ValidationRun run, List<StagedRecord> records,
        List<RejectedRecord> rejected) {

    /** A staged record that failed record-level rules or could not be read. */
    public record RejectedRecord(long stagedRecordId, String key, List<RowFailure> failures) {
    }
}
