package dev.plumbline.bench.deequ;

import com.amazon.deequ.checks.CheckResult;
import com.amazon.deequ.constraints.ConstraintStatus;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.VerificationResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import scala.collection.JavaConverters;

/**
 * Whether Plumbline and Deequ judged every rule of a shape alike on the same batch: rules passed and failed by
 * both, and each rule they disagree on.
 */
record Agreement(int rules, int failedByBoth, List<String> disagreements) {

    static Agreement of(Shape shape, VerificationResult plumbline, com.amazon.deequ.VerificationResult deequ) {
        Map<String, Boolean> plumblinePassed = new HashMap<>();
        for (ConstraintResult result : plumbline.constraintResults()) {
            String key = result.rule() + "(" + (result.column() == null ? "" : result.column()) + ")";
            if (plumblinePassed.put(key, result.success()) != null) {
                throw new IllegalStateException("Plumbline reports " + key + " twice");
            }
        }
        List<Boolean> deequPassed = deequPassed(deequ);
        if (plumblinePassed.size() != shape.rules().size() || deequPassed.size() != shape.rules().size()) {
            throw new IllegalStateException(shape.rules().size() + " rules, but Plumbline ran "
                    + plumblinePassed.size() + " constraints and Deequ " + deequPassed.size());
        }
        int failedByBoth = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < shape.rules().size(); i++) {
            Rule rule = shape.rules().get(i);
            Boolean ours = plumblinePassed.get(rule.key());
            if (ours == null) {
                throw new IllegalStateException("Plumbline has no result for " + rule.key());
            }
            boolean theirs = deequPassed.get(i);
            if (ours != theirs) {
                disagreements.add(rule.key() + ": Plumbline " + verdict(ours) + ", Deequ " + verdict(theirs));
            } else if (!ours) {
                failedByBoth++;
            }
        }
        return new Agreement(shape.rules().size(), failedByBoth, List.copyOf(disagreements));
    }

    boolean complete() {
        return disagreements.isEmpty();
    }

    String describe() {
        return (rules - disagreements.size()) + "/" + rules + " rules judged alike (" + failedByBoth
                + " failed by both)" + (complete() ? "" : "; DISAGREE on " + String.join("; ", disagreements));
    }

    private static List<Boolean> deequPassed(com.amazon.deequ.VerificationResult deequ) {
        List<Boolean> passed = new ArrayList<>();
        for (CheckResult check : JavaConverters.asJavaCollection(deequ.checkResults().values())) {
            for (com.amazon.deequ.constraints.ConstraintResult result
                    : JavaConverters.seqAsJavaList(check.constraintResults())) {
                passed.add(result.status() == ConstraintStatus.Success());
            }
        }
        return passed;
    }

    private static String verdict(boolean passed) {
        return passed ? "pass" : "fail";
    }
}
