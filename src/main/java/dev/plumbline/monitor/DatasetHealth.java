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

    /** Whether the latest run kept every record: the dashboard's green or red. */
    public boolean healthy() {
        return lastPassRate == null || lastPassRate >= 0.99;
    }
}
