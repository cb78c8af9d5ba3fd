package dev.plumbline.quarantine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.access.AuditLog;
import dev.plumbline.contract.ActiveContract;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.ingest.StagingRepository;
import dev.plumbline.validate.BatchValidated.RejectedRecord;
import dev.plumbline.validate.Revalidator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Releases and discards quarantined records. Both act only on open records, under a row lock, so a record
 * leaves the queue once even when two people act on it at the same moment: a released record passed
 * re-validation against its dataset's active contract and continues downstream in release order (its
 * {@code release_seq}); one that fails again stays open with the new reasons. Every action is audited.
 */
@ApplicationScoped
public class QuarantineActions {

    /** Who acts, and from where, as the audit log records it. */
    public record Actor(String user, String address) {
    }

    static final int CHUNK = 500;

    private static final String LOCK_OPEN = """
            SELECT id, staged_record_id, dataset_id FROM quarantined_record
            WHERE id = ANY (?) AND status = 'open' ORDER BY id FOR UPDATE""";
    private static final String RELEASE = """
            UPDATE quarantined_record SET status = 'released', release_seq = nextval('quarantine_release_seq'),
                   resolved_at = ?, resolved_by = ?, resolution_note = ?, revalidated_at = ?,
                   revalidations = revalidations + 1, contract_version_id = ?
            WHERE id = ?""";
    private static final String FAIL_AGAIN = """
            UPDATE quarantined_record SET failures = ?::jsonb, contract_version_id = ?, revalidated_at = ?,
                   revalidations = revalidations + 1
            WHERE id = ?""";
    private static final String DISCARD = """
            UPDATE quarantined_record q SET status = 'discarded', resolved_at = ?, resolved_by = ?, resolution_note = ?
            FROM dataset d WHERE d.id = q.dataset_id AND q.status = 'open' AND q.id = ANY (?)
            RETURNING q.id, d.name""";

    private final DataSource dataSource;
    private final QuarantineQueue queue;
    private final DatasetRegistry registry;
    private final StagingRepository staging;
    private final Revalidator revalidator;
    private final AuditLog audit;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock = Clock.systemUTC();

    public QuarantineActions(DataSource dataSource, QuarantineQueue queue, DatasetRegistry registry,
            StagingRepository staging, Revalidator revalidator, AuditLog audit) {
        this.dataSource = dataSource;
        this.queue = queue;
        this.registry = registry;
        this.staging = staging;
        this.revalidator = revalidator;
        this.audit = audit;
    }

    /** Re-validates these records and releases those that pass; each chunk of them commits on its own. */
    public ReleaseOutcome release(List<Long> ids, Actor actor) {
        ReleaseOutcome outcome = ReleaseOutcome.NONE;
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            outcome = outcome.plus(QuarkusTransaction.requiringNew().call(() -> releaseLocked(chunk, actor)));
        }
        return outcome;
    }

    /** Releases every open record matching the filter, walking them oldest first in chunks. */
    public ReleaseOutcome releaseMatching(QuarantineFilter filter, Actor actor) {
        QuarantineFilter open = openOnly(filter);
        ReleaseOutcome outcome = ReleaseOutcome.NONE;
        List<Long> chunk = queue.ids(open, 0, CHUNK);
        while (!chunk.isEmpty()) {
            outcome = outcome.plus(release(chunk, actor));
            chunk = queue.ids(open, chunk.get(chunk.size() - 1), CHUNK);
        }
        return outcome;
    }

    /** Discards these open records with the reason given; returns how many it discarded. */
    public int discard(List<Long> ids, String reason, Actor actor) {
        String note = requireReason(reason);
        int discarded = 0;
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            discarded += QuarkusTransaction.requiringNew().call(() -> discardOpen(chunk, note, actor));
        }
        return discarded;
    }

    /** Discards every open record matching the filter with the reason given. */
    public int discardMatching(QuarantineFilter filter, String reason, Actor actor) {
        String note = requireReason(reason);
        QuarantineFilter open = openOnly(filter);
        int discarded = 0;
        List<Long> chunk = queue.ids(open, 0, CHUNK);
        while (!chunk.isEmpty()) {
            discarded += discard(chunk, note, actor);
            chunk = queue.ids(open, chunk.get(chunk.size() - 1), CHUNK);
        }
        return discarded;
    }

    private record Locked(long id, long stagedRecordId, long datasetId) {
    }

    private ReleaseOutcome releaseLocked(List<Long> ids, Actor actor) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<Locked> locked = lockOpen(c, ids);
            int skipped = ids.size() - locked.size();
            int released = 0;
            int failing = 0;
            Map<Long, List<Locked>> byDataset = locked.stream()
                    .collect(Collectors.groupingBy(Locked::datasetId, LinkedHashMap::new, Collectors.toList()));
            for (var group : byDataset.entrySet()) {
                ActiveContract contract = registry.activeContract(group.getKey()).orElse(null);
                if (contract == null) {
                    skipped += group.getValue().size();
                    continue;
                }
                ReleaseOutcome outcome = revalidate(c, contract, group.getValue(), actor);
                released += outcome.released();
                failing += outcome.stillFailing();
            }
            return new ReleaseOutcome(released, failing, skipped);
        }
    }

    private ReleaseOutcome revalidate(Connection c, ActiveContract contract, List<Locked> entries, Actor actor)
            throws SQLException {
        List<StagedRecord> records = staging.find(entries.stream().map(Locked::stagedRecordId).toList());
        Map<Long, RejectedRecord> rejected = revalidator.rejected(contract, records).stream()
                .collect(Collectors.toMap(RejectedRecord::stagedRecordId, Function.identity()));
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> released = new ArrayList<>();
        List<Long> failing = new ArrayList<>();
        try (PreparedStatement release = c.prepareStatement(RELEASE);
                PreparedStatement failAgain = c.prepareStatement(FAIL_AGAIN)) {
            for (Locked entry : entries) {
                RejectedRecord again = rejected.get(entry.stagedRecordId());
                if (again == null) {
                    release.setTimestamp(1, now);
                    release.setString(2, actor.user());
                    release.setString(3, "passed contract " + contract.version() + " on re-validation");
                    release.setTimestamp(4, now);
                    release.setLong(5, contract.versionId());
                    release.setLong(6, entry.id());
                    release.addBatch();
                    released.add(entry.id());
                } else {
                    failAgain.setString(1, failures(again));
                    failAgain.setLong(2, contract.versionId());
                    failAgain.setTimestamp(3, now);
                    failAgain.setLong(4, entry.id());
                    failAgain.addBatch();
                    failing.add(entry.id());
                }
            }
            release.executeBatch();
            failAgain.executeBatch();
        }
        audit.record(actor.user(), "quarantine.released", "dataset", contract.datasetName(),
                Map.of("contractVersion", contract.version(), "released", released, "stillFailing", failing),
                actor.address());
        return new ReleaseOutcome(released.size(), failing.size(), 0);
    }

    private int discardOpen(List<Long> ids, String note, Actor actor) throws SQLException {
        Map<String, List<Long>> byDataset = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(DISCARD)) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.setString(2, actor.user());
            s.setString(3, note);
            s.setArray(4, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byDataset.computeIfAbsent(rs.getString(2), d -> new ArrayList<>()).add(rs.getLong(1));
                }
            }
        }
        byDataset.forEach((dataset, discarded) -> audit.record(actor.user(), "quarantine.discarded", "dataset",
                dataset, Map.of("reason", note, "discarded", discarded), actor.address()));
        return byDataset.values().stream().mapToInt(List::size).sum();
    }

    private static List<Locked> lockOpen(Connection c, List<Long> ids) throws SQLException {
        List<Locked> locked = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(LOCK_OPEN)) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    locked.add(new Locked(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return locked;
    }

    private String failures(RejectedRecord record) {
        try {
            return json.writeValueAsString(record.failures());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the reasons of record " + record.stagedRecordId(), e);
        }
    }

    private static QuarantineFilter openOnly(QuarantineFilter filter) {
        return new QuarantineFilter(filter.dataset(), filter.rule(), filter.from(), filter.to(), QuarantineStatus.OPEN);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("say why the records are discarded: a reason is required");
        }
        if (reason.length() > 1000) {
            throw new IllegalArgumentException("the reason is " + reason.length() + " characters; keep it under 1000");
        }
        return reason.strip();
    }
}
