package dev.plumbline.monitor;

import dev.plumbline.contract.Dataset;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.ingest.StagingRepository;
import dev.plumbline.quarantine.QuarantineQueue;
import dev.plumbline.validate.RuleOutcome;
import dev.plumbline.validate.ValidationRun;
import dev.plumbline.validate.freshness.DatasetStaleness;
import dev.plumbline.validate.freshness.DatasetStaleness.Staleness;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Gathers the dashboard's figures for every dataset from staging, validation runs and quarantine. */
@ApplicationScoped
public class DatasetHealthQuery {

    static final int RECENT_RUNS = 10;
    static final Duration PASS_RATE_WINDOW = Duration.ofMinutes(15);

    private final DatasetRegistry registry;
    private final StagingRepository staging;
    private final QuarantineQueue quarantine;
    private final DatasetStaleness staleness;

    public DatasetHealthQuery(DatasetRegistry registry, StagingRepository staging, QuarantineQueue quarantine,
            DatasetStaleness staleness) {
        this.registry = registry;
        this.staging = staging;
        this.quarantine = quarantine;
        this.staleness = staleness;
    }

    @Transactional
    public List<DatasetHealth> all() {
        Map<String, Staleness> freshness = staleness.all();
        return registry.list().stream().map(dataset -> health(dataset, freshness.get(dataset.name))).toList();
    }

    private DatasetHealth health(Dataset dataset, Staleness freshness) {
        Map<Long, String> versions = registry.versionNames(dataset.id);
        List<ValidationRun> runs = ValidationRun.find("datasetId", Sort.descending("id"), dataset.id)
                .page(0, RECENT_RUNS).list();
        Map<Long, List<String>> failing = failingRules(runs);
        ValidationRun last = runs.isEmpty() ? null : runs.get(0);
        return new DatasetHealth(dataset.name, dataset.topic, dataset.owningTeam,
                registry.activeVersion(dataset.id).orElse(null),
                last == null ? null : last.passRate, windowPassRate(dataset.id),
                last == null ? null : last.lagP50Ms, staging.stagedCount(dataset.topic),
                staging.pending(dataset.topic).count(), quarantine.depth(dataset.id),
                last == null ? null : last.finishedAt, runs.stream().map(r -> row(r, versions, failing)).toList(),
                freshness == null ? null : freshness.newestRecordAt(),
                freshness == null || freshness.sla() == null ? null : freshness.sla().toMillis());
    }

    private static Double windowPassRate(long datasetId) {
        Object[] sums = ValidationRun.getEntityManager()
                .createQuery("select sum(recordCount), sum(passedCount) from ValidationRun"
                        + " where datasetId = ?1 and finishedAt > ?2", Object[].class)
                .setParameter(1, datasetId)
                .setParameter(2, Instant.now().minus(PASS_RATE_WINDOW))
                .getSingleResult();
        long records = sums[0] == null ? 0 : ((Number) sums[0]).longValue();
        return records == 0 ? null : ((Number) sums[1]).doubleValue() / records;
    }

    private static Map<Long, List<String>> failingRules(List<ValidationRun> runs) {
        List<Long> ids = runs.stream().map(r -> r.id).toList();
        return RuleOutcome.<RuleOutcome>list("validationRunId in ?1 and unexpected > 0 order by id", ids).stream()
                .collect(Collectors.groupingBy(o -> o.validationRunId, Collectors.mapping(
                        o -> (o.column == null ? o.rule : o.rule + "(" + o.column + ")") + " ×" + o.unexpected,
                        Collectors.toList())));
    }

    private static DatasetHealth.Run row(ValidationRun run, Map<Long, String> versions,
            Map<Long, List<String>> failing) {
        return new DatasetHealth.Run(run.id, run.finishedAt, versions.get(run.contractVersionId), run.recordCount,
                run.passedCount, run.quarantinedCount, run.passRate, run.lagP50Ms,
                failing.getOrDefault(run.id, List.of()));
    }
}
