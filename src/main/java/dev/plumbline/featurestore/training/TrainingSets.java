package dev.plumbline.featurestore.training;

import dev.plumbline.access.AuditLog;
import dev.plumbline.access.Caller;
import dev.plumbline.access.NotAllowed;
import dev.plumbline.featurestore.FeatureRegistry;
import dev.plumbline.featurestore.FeatureViewConflict;
import dev.plumbline.transform.EventCache;
import dev.plumbline.transform.FeatureSpec;
import dev.plumbline.transform.FeatureViewVersion;
import dev.plumbline.transform.PointInTimeJoin;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes point-in-time-correct training sets: checks the upload against the views' entity keys, joins every row
 * with each pinned view version ({@link PointInTimeJoin}), writes the rows as Parquet, audits them for leakage,
 * and stores record, audit and rows together, or nothing.
 */
@ApplicationScoped
@Startup // so that the event cache's counters are on /q/metrics before the first training set
public class TrainingSets {

    private final FeatureRegistry registry;
    private final TrainingSetStore store;
    private final DataSource dataSource;
    private final AuditLog audit;
    private final EventCache events;

    public TrainingSets(FeatureRegistry registry, TrainingSetStore store, DataSource dataSource, AuditLog audit,
            @ConfigProperty(name = "plumbline.features.offline-cache.max-bytes", defaultValue = "512M")
            MemorySize cacheBytes, MeterRegistry meters) {
        this.registry = registry;
        this.store = store;
        this.dataSource = dataSource;
        this.audit = audit;
        this.events = new EventCache(cacheBytes.asLongValue());
        FunctionCounter.builder("plumbline.feature.offline.cache", events, EventCache::hits).tag("result", "hit")
                .description("Training-set joins that used a view version's events already held in memory")
                .register(meters);
        FunctionCounter.builder("plumbline.feature.offline.cache", events, EventCache::reads).tag("result", "read")
                .description("View versions' events read whole from PostgreSQL by a training-set join")
                .register(meters);
    }

    /**
     * Deletes a set with its record and rows, as the one who asked for it or an administrator may; whether there
     * was one. Audited, as its creation is.
     */
    public boolean delete(long id, Caller caller, String address) {
        Optional<TrainingSet> set = store.get(id);
        if (set.isEmpty()) {
            return false;
        }
        if (!caller.isAdmin() && !caller.username().equals(set.get().requestedBy())) {
            throw new NotAllowed("training set " + id + " was asked for by " + set.get().requestedBy()
                    + "; only they or an administrator may delete it");
        }
        store.delete(id);
        audit.record(caller.username(), "training_set.deleted", "training_set", Long.toString(id),
                Map.of("rows", set.get().rowCount(), "requestedBy", set.get().requestedBy()), address);
        return true;
    }

    /**
     * Creates a set. Throws {@link BadUpload} for a bad upload or request, {@link NoSuchElementException} for an
     * unknown view or version, {@link FeatureViewConflict} for a version that is not active.
     */
    public TrainingSet create(TrainingSetRequest request, Caller caller, String address) {
        Instant now = Instant.now();
        List<FeatureViewVersion> versions = resolve(request.views());
        Set<String> entityColumns = new LinkedHashSet<>();
        versions.forEach(v -> entityColumns.add(v.definition().entityKey()));
        UploadShape shape = new UploadShape(request.timeColumn(), entityColumns, request.labelColumns());
        EntityRowsParser parser = new EntityRowsParser(shape, now);
        EntityRows rows = switch (request.format()) {
            case "csv" -> parser.csv(request.body());
            case "json" -> parser.json(request.body());
            default -> throw new BadUpload("send CSV (text/csv) or JSON (application/json), not " + request.format());
        };
        long start = System.nanoTime();
        List<JoinedView> joined = join(versions, rows);
        long joinMillis = (System.nanoTime() - start) / 1_000_000;
        try {
            List<TrainingSetFile.Column> columns = TrainingSetFile.columns(rows, shape, joined);
            byte[] parquet = TrainingSetFile.parquet(rows, columns, joined);
            long leaked = TrainingSetFile.leakedValues(parquet, shape.timeColumn(), joined);
            TrainingSet set = new TrainingSet(0, caller.username(), now, request.uploadName(), rows.format(),
                    shape.timeColumn(), shape.labelColumns(), rows.rows().size(), leaked,
                    ProxyAudit.of(rows, shape.labelColumns(), joined), joinMillis, pinned(joined));
            long id = QuarkusTransaction.requiringNew().call(() -> {
                long stored = store.insert(set, parquet);
                audit.record(caller.username(), "training_set.created", "training_set", Long.toString(stored),
                        Map.of("views", set.views().stream().map(v -> v.name() + "@" + v.version()).toList(),
                                "rows", set.rowCount(), "leakedValues", leaked), address);
                return stored;
            });
            return store.get(id).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the training set", e);
        }
    }

    private List<FeatureViewVersion> resolve(List<String> views) {
        if (views.isEmpty()) {
            throw new BadUpload("name at least one feature view to join (view=customer_transactions, or "
                    + "view=customer_transactions@1.0.0 to pin its version)");
        }
        List<FeatureViewVersion> versions = new ArrayList<>();
        for (String view : views) {
            String[] parts = view.split("@", 2);
            FeatureViewVersion version = registry.get(parts[0], parts.length > 1 ? parts[1] : null)
                    .orElseThrow(() -> new NoSuchElementException(parts.length > 1
                            ? "no version " + parts[1] + " of feature view \"" + parts[0] + "\""
                            : "no feature view \"" + parts[0] + "\""));
            if (!version.status().equals("active")) {
                throw new FeatureViewConflict("version " + version.version() + " of feature view \"" + parts[0]
                        + "\" is " + version.status() + ": only the active version is materialized, so only it can "
                        + "be joined");
            }
            if (versions.stream().anyMatch(v -> v.viewName().equals(version.viewName()))) {
                throw new BadUpload("feature view \"" + parts[0] + "\" is named twice");
            }
            versions.add(version);
        }
        return versions;
    }

    private List<JoinedView> join(List<FeatureViewVersion> versions, EntityRows rows) {
        List<JoinedView> joined = new ArrayList<>();
        // Two connections: each view's events are read in two halves at once.
        try (Connection c = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            for (FeatureViewVersion version : versions) {
                String entityColumn = version.definition().entityKey();
                int entity = rows.column(entityColumn);
                List<PointInTimeJoin.Label> labels = rows.rows().stream()
                        .map(r -> new PointInTimeJoin.Label(r.values()[entity].strip(), r.labelTime())).toList();
                joined.add(new JoinedView(version, entityColumn, PointInTimeJoin.join(c, second, version, labels,
                        events)));
            }
            return joined;
        } catch (SQLException e) {
            throw new IllegalStateException("could not join the training set", e);
        }
    }

    private static List<TrainingSet.PinnedView> pinned(List<JoinedView> joined) {
        return joined.stream().map(j -> new TrainingSet.PinnedView(j.version().viewName(), j.version().version(),
                j.version().id(), j.entityColumn(), j.joined().features().stream().map(FeatureSpec::name).toList()))
                .toList();
    }
}
