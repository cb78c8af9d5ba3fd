package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.validate.BatchValidated.RejectedRecord;
import dev.plumbline.validate.analyzers.AnalyzerStates;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of checking one micro-batch of staged records: every rule's result, including the records
 * that could not be read at all, and the records rejected with all their reasons; the analyzer states of the
 * batch (to persist for windows) and when its newest record arrived.
 */
public record BatchEvaluation(List<ConstraintResult> results, List<RejectedRecord> rejected, int recordCount,
        IngestionLag lag, Instant newestIngestedAt, AnalyzerStates states) {

    /** The pseudo-rule under which unreadable payloads are reported and quarantined. */
    public static final String MALFORMED = "malformed_payload";

    private static final int RAW_EXCERPT = 200;

    public static BatchEvaluation of(List<StagedRecord> batch, Check check, String eventTimeField) {
        return of(batch, check, eventTimeField, BatchHistory.NONE);
    }

    /** Checks a batch with what the rules beyond it need; works as well on a batch of one released record. */
    public static BatchEvaluation of(List<StagedRecord> batch, Check check, String eventTimeField,
            BatchHistory history) {
        List<String> payloads = new ArrayList<>();
        List<StagedRecord> readable = new ArrayList<>();
        Map<Integer, RowFailure> malformed = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            StagedRecord record = batch.get(i);
            if (record.payload().readable()) {
                payloads.add(record.payload().json());
                readable.add(record);
            } else {
                malformed.put(i, new RowFailure(MALFORMED, null, excerpt(record.payload().raw()),
                        record.payload().parseError()));
            }
        }
        List<JsonNode> rows = check.rows(payloads, eventTimeField == null ? List.of() : List.of(eventTimeField));
        AnalyzerStates states = check.analyze(rows);
        VerificationResult inBatch = check.run(rows, states, history);
        VerificationResult verification = inBatch.with(history.judge(readable, rows, inBatch));
        List<ConstraintResult> results = new ArrayList<>();
        results.add(malformedResult(batch.size(), malformed));
        results.addAll(verification.constraintResults());
        List<RejectedRecord> rejected = rejected(batch, malformed, readable, verification);
        Instant newest = batch.stream().map(StagedRecord::ingestedAt).max(Comparator.naturalOrder()).orElse(null);
        return new BatchEvaluation(results, rejected, batch.size(), IngestionLag.of(readable, rows, eventTimeField),
                newest, states);
    }

    private static List<RejectedRecord> rejected(List<StagedRecord> batch, Map<Integer, RowFailure> malformed,
            List<StagedRecord> readable, VerificationResult verification) {
        List<RejectedRecord> rejected = new ArrayList<>();
        malformed.forEach((i, failure) -> rejected.add(new RejectedRecord(batch.get(i).id(), batch.get(i).key(),
                List.of(failure))));
        verification.quarantinedRows().forEach((i, failures) -> rejected.add(new RejectedRecord(
                readable.get(i).id(), readable.get(i).key(), failures)));
        rejected.sort(Comparator.comparingLong(RejectedRecord::stagedRecordId));
        return rejected;
    }

    public int passedCount() {
        return recordCount - rejected.size();
    }

    public double passRate() {
        return recordCount == 0 ? 1.0 : (double) passedCount() / recordCount;
    }

    public boolean success() {
        return results.stream().allMatch(ConstraintResult::success);
    }

    private static ConstraintResult malformedResult(int total, Map<Integer, RowFailure> malformed) {
        String observed = malformed.isEmpty() ? "all " + total + " readable"
                : malformed.size() + " of " + total + " could not be read";
        return new ConstraintResult(MALFORMED, null, 1.0, total, malformed.size(), malformed.isEmpty(), observed,
                null, malformed);
    }

    private static String excerpt(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
        return text.length() <= RAW_EXCERPT ? text : text.substring(0, RAW_EXCERPT) + "…";
    }
}
