package dev.plumbline.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results of every constraint of a check on one micro-batch, and which rows broke which constraints
 * (including constraints whose {@code mostly} tolerated those rows).
 */
public record VerificationResult(List<ConstraintResult> constraintResults) {

    public VerificationResult {
        constraintResults = List.copyOf(constraintResults);
    }

    /** These results followed by more, e.g. of the rules that look beyond the batch. */
    public VerificationResult with(List<ConstraintResult> more) {
        List<ConstraintResult> all = new ArrayList<>(constraintResults);
        all.addAll(more);
        return new VerificationResult(all);
    }

    public boolean success() {
        return constraintResults.stream().allMatch(ConstraintResult::success);
    }

    /** Every failure by row, including those a constraint's {@code mostly} tolerated. */
    public Map<Integer, List<RowFailure>> failuresByRow() {
        return failuresByRow(constraintResults);
    }

    /** The failures by row of the constraints whose failing rows go to quarantine. */
    public Map<Integer, List<RowFailure>> quarantinedRows() {
        return failuresByRow(constraintResults.stream().filter(ConstraintResult::quarantinesFailingRows).toList());
    }

    private static Map<Integer, List<RowFailure>> failuresByRow(List<ConstraintResult> results) {
        Map<Integer, List<RowFailure>> byRow = new TreeMap<>();
        for (ConstraintResult result : results) {
            result.rowFailures().forEach((row, failure) -> byRow.computeIfAbsent(row, r -> new ArrayList<>())
                    .add(failure));
        }
        byRow.replaceAll((row, failures) -> List.copyOf(failures));
        return Collections.unmodifiableMap(byRow);
    }

    public int failedRowCount() {
        return (int) constraintResults.stream()
                .flatMap(result -> result.rowFailures().keySet().stream())
                .distinct()
                .count();
    }
}
