package dev.plumbline.validate;

import java.util.List;

/** A micro-batch was validated: the run as recorded, and every record that failed with its reasons. */
public record BatchValidated(String datasetName, ValidationRun run, List<RejectedRecord> rejected) {

    /** A staged record that failed record-level rules or could not be read. */
    public record RejectedRecord(long stagedRecordId, String key, List<RowFailure> failures) {
    }
}
