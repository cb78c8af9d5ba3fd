package dev.plumbline.monitor;

import java.time.Instant;
import java.util.List;

/** What the dashboard shows for one dataset: its pass rate, lag, backlog, quarantine and latest runs. */
public record DatasetHealth(String name, String topic, String owningTeam, String contractVersion,
        Double lastPassRate, Double windowPassRate, Long lagP50Ms, long staged, long pending, long quarantineDepth,
        Instant lastRunAt, List<Run> runs) {

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

    /** How the panel is marked: "unchecked" without an active contract, else "ok" or "failing" by pass rate. */
    public String state() {
        if (contractVersion == null) {
            return "unchecked";
        }
        return lastPassRate == null || lastPassRate >= HEALTHY_PASS_RATE ? "ok" : "failing";
    }
}
