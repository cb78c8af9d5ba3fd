package dev.plumbline.validate;

import dev.plumbline.contract.ActiveContract;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.validate.BatchValidated.RejectedRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Checks records again, outside the micro-batch they arrived in, against a dataset's active contract: the
 * records given are evaluated together as one batch, and those that fail come back with their new reasons.
 * Rules over a batch (mean, row count, ...) are computed over these records and do not reject any of them.
 */
@ApplicationScoped
public class Revalidator {

    private final CompiledChecks checks;

    public Revalidator(CompiledChecks checks) {
        this.checks = checks;
    }

    public List<RejectedRecord> rejected(ActiveContract contract, List<StagedRecord> records) {
        return BatchEvaluation.of(records, checks.of(contract), contract.eventTimeField()).rejected();
    }
}
