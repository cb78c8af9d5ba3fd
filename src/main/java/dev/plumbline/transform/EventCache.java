package dev.plumbline.transform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A replica's copy of view versions' events for the point-in-time join: a version is read whole once, sorted by
 * entity and event time, and kept, so that the next training set over it neither reads nor sorts its events again.
 *
 * <p>Exactness rests on {@code feature_event_changes}: every statement that changes a version's events numbers
 * the change, in commit order, and logs the earliest known-at it inserted ({@code -infinity} for a delete or an
 * update). A copy read while the version stood at change n is used for labels up to T while every change after n
 * inserted only events known at or after T: the join would not fold those for any of its labels, so the copy gives
 * the same rows as a fresh read. That is the common case for a live view, whose new events are known now and whose
 * labels lie in the past. Otherwise the version is read again. A copy is kept only when the version's change
 * number was the same before and after its read, so it is exactly the events as of that number.
 *
 * <p>Bounded by bytes (least recently used out first). A version whose events would not fit, by the planner's
 * estimate of their number, is not read whole, nor one of whose events the labels need less than a quarter: the
 * join then reads only its labels' entities and time span.
 */
public final class EventCache {

    private static final int MANY_ENTITIES = 10_000;
    private static final Pattern PLAN_ROWS = Pattern.compile("rows=(\\d+)");
    /** The version's change number, and whether every change after {@code ?} inserted only events known late. */
    private static final String CHANGES = """
            SELECT c.changes, count(l.change_no), coalesce(bool_and(l.earliest_known_at >= ?), true)
            FROM feature_event_changes c
            LEFT JOIN feature_event_change l ON l.view_version_id = c.view_version_id AND l.change_no > ?
            WHERE c.view_version_id = ? GROUP BY c.changes""";

    /** Each version's change log but its latest {@code ?} entries. */
    private static final String FORGET_CHANGES = """
            DELETE FROM feature_event_change l USING feature_event_changes c
            WHERE l.view_version_id = c.view_version_id AND l.change_no <= c.changes - ?""";

    /** A version's events, grouped by entity and sorted, as they stood at change {@code changes}. */
    record Held(long changes, EntityKeys keys, EventColumns events) {

        long bytes() {
            return events.bytes() + 96L * keys.size();
        }
    }

    private final long maxBytes;
    private final Cache<Long, Held> held;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();

    /** A cache of at most {@code maxBytes} (by estimate); 0 or less keeps nothing and reads nothing whole. */
    public EventCache(long maxBytes) {
        this.maxBytes = maxBytes;
        this.held = Caffeine.newBuilder().maximumWeight(Math.max(maxBytes, 0) / 1024)
                .weigher((Long version, Held h) -> (int) Math.min(Integer.MAX_VALUE, h.bytes() / 1024))
                .executor(Runnable::run).build();
    }

    /** Joins answered from a copy already held. */
    public long hits() {
        return hits.get();
    }

    /** Versions read whole (and kept, unless they changed while being read). */
    public long reads() {
        return reads.get();
    }

    /**
     * The copy of the version's events held, if it is exact for labels up to {@code latestLabel} (epoch
     * microseconds, as the join rounds them), else null.
     */
    Held held(Connection c, long versionId, long latestLabel) throws SQLException {
        Held copy = maxBytes <= 0 ? null : held.getIfPresent(versionId);
        if (copy == null) {
            return null;
        }
        long[] now = changes(c, versionId, copy.changes(), latestLabel);
        if (now[0] == copy.changes() || now[1] == now[0] - copy.changes() && now[2] == 1) {
            hits.incrementAndGet();
            return copy;
        }
        return null;
    }

    /**
     * Whether to read the version whole: by the planner's estimates (statistics, not counts), its events fit, and
     * the labels' span holds at least a quarter of them (or they name more than 10,000 entities), so reading all
     * costs at most four times what the labels need. A few entities' labels read just their events through the
     * index.
     */
    boolean worthReadingWhole(Connection c, long versionId, EventCopy.Span span, EventColumns columns)
            throws SQLException {
        if (maxBytes <= 0) {
            return false;
        }
        long whole = estimatedRows(c, EventCopy.from(versionId, null, null));
        if (whole * columns.bytesPerEvent() > maxBytes) {
            return false;
        }
        // Planning a filter on many thousands of keys takes a good part of a second; with that many, read all.
        return span.namesMoreEntitiesThan(MANY_ENTITIES)
                || estimatedRows(c, EventCopy.from(versionId, span, null)) * 4 >= whole;
    }

    /**
     * Reads every event of the version, over two connections in one snapshot when {@code second} is not null,
     * and holds them if the version did not change while they were read.
     */
    Held readWhole(Connection first, Connection second, FeatureViewVersion version, LabelSweep sweep)
            throws SQLException {
        long before = changes(first, version.id(), Long.MAX_VALUE, 0)[0];
        EntityKeys keys = EntityKeys.numberingEveryKey();
        EventColumns events = sweep.eventColumns();
        List<String> fields = version.definition().sourceFields();
        EventCopy.read(first, second, pages -> EventCopy.query(version.id(), fields, events, null, pages), keys,
                events, sweep::eventColumns);
        // One number more than there are keys: the entity of every label whose entity has no events.
        events.sort(keys.size() + 1);
        Held read = new Held(before, keys, events);
        reads.incrementAndGet();
        if (changes(first, version.id(), Long.MAX_VALUE, 0)[0] == before) {
            held.put(version.id(), read);
        }
        return read;
    }

    /**
     * Deletes each view version's change log but its {@code keep} latest entries, so that the log does not grow
     * with every materialization for ever; returns how many went. Safe for any replica's copy: one read before the
     * entries deleted finds fewer changes logged than made since, and reads the version again.
     */
    public static int forgetChanges(Connection c, long keep) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FORGET_CHANGES)) {
            s.setLong(1, keep);
            return s.executeUpdate();
        }
    }

    /** The version's change number, the changes logged after {@code since}, and 1 if all were known late. */
    private static long[] changes(Connection c, long versionId, long since, long latestLabel) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CHANGES)) {
            s.setTimestamp(1, Timestamp.from(PointInTimeJoin.instant(latestLabel)));
            s.setLong(2, since);
            s.setLong(3, versionId);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? new long[] {row.getLong(1), row.getLong(2), row.getBoolean(3) ? 1 : 0}
                        : new long[] {0, 0, 1};
            }
        }
    }

    /** The planner's estimate of the rows {@code SELECT 1 <from>} returns. */
    private static long estimatedRows(Connection c, String from) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet plan = s.executeQuery("EXPLAIN SELECT 1" + from)) {
            Matcher rows = PLAN_ROWS.matcher(plan.next() ? plan.getString(1) : "");
            return rows.find() ? Long.parseLong(rows.group(1)) : Long.MAX_VALUE;
        }
    }
}
