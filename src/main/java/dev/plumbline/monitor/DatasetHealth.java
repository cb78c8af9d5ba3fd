package dev.plumbline.monitor;

import java.time.Instant;
import java.util.List;

/**
 * What the dashboard shows for one dataset: its pass rate, lag, backlog, quarantine, latest runs, and when its
 * newest record arrived against its freshness SLA.
 */
public record DatasetHealth(String name, String topic, String owningTeam, String contractVersion,
        Double lastPassRate, Double windowPassRate, Long lagP50Ms, long staged, long pending, long quarantineDepth,
        Instant lastRunAt, List<Run> runs, Instant newestRecordAt, Long freshnessSlaMs) {

    /** One validation run as a row of the dashboard. */
    public record Run(long id, Instant finishedAt, String contractVersion, int records, int passed,
            int quarantined, double passRate, Long lagP50Ms, List<String> failingRules) {

        public boolean failing() {
            return quarantined > 0;
        }
    }

    public String quarantineLink() {
        return "/quarantine?dataset=" + name;
    }

    static final double HEALTHY_PASS_RATE = 0.99;

    /** Whether the dataset has gone without a new record for longer than its contract's freshness SLA. */
    public boolean stale() {
        return freshnessSlaMs != null && newestRecordAt != null
                && Instant.now().toEpochMilli() - newestRecordAt.toEpochMilli() > freshnessSlaMs;
    }

    /** How the panel is marked: "unchecked" without an active contract, else "ok" or "failing" by pass rate. */
    public String state() {
        if (contractVersion == null) {
            return "unchecked";
        }
        return lastPassRate == null || lastPassRate >= HEALTHY_PASS_RATE ? "ok" : "failing";
    }
}
