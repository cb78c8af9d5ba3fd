package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.validate.window.WindowStates;
import dev.plumbline.validate.window.WindowedConstraint;
import java.util.List;

/**
 * What judging a batch needs beyond its own rows: the earlier states of windowed rules, and the rules that
 * look beyond the batch (keys accepted before, other datasets' keys, ingestion times). {@link #NONE} judges a
 * batch on its rows alone.
 */
public interface BatchHistory {

    BatchHistory NONE = new BatchHistory() {
        @Override
        public WindowStates earlier(WindowedConstraint constraint) {
            return WindowStates.NONE;
        }

        @Override
        public List<ConstraintResult> judge(List<StagedRecord> records, List<JsonNode> rows,
                VerificationResult inBatch) {
            return List.of();
        }
    };

    /** The merged states of the batches before this one within the constraint's window. */
    WindowStates earlier(WindowedConstraint constraint);

    /**
     * The results of the rules beyond the batch, row failures indexed like {@code rows} (the readable records,
     * in staging order), given what the batch's own rules found.
     */
    List<ConstraintResult> judge(List<StagedRecord> records, List<JsonNode> rows, VerificationResult inBatch);
}
