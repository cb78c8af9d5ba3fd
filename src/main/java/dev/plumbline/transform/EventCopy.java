package dev.plumbline.transform;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Reads a view version's events for a point-in-time join with one binary {@code COPY (SELECT …) TO STDOUT}: the
 * rows in table order (PostgreSQL neither sorts them nor walks the index entity by entity, which costs random
 * heap reads), each source field's number out of {@code field_numbers} (its JSON value out of {@code
 * field_values} only where the join needs the text), decoded straight into {@link EventColumns}. COPY takes no
 * parameters, so the query's values are written as escaped literals.
 */
final class EventCopy {

    /** Microseconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for binary timestamps. */
    private static final long POSTGRES_EPOCH = 946_684_800_000_000L;
    /** The binary format's signature and flags; a header extension's length follows. */
    private static final int HEADER = 11 + 4;
    private static final VarHandle INT16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private EventCopy() {
    }

    /**
     * The events a join may fold: {@code from ≤ event_time < to}, {@code known_at < to} (epoch microseconds), of
     * the labels' entities, which are gathered only when asked for.
     */
    static final class Span {

        private final long from;
        private final long to;
        private final List<PointInTimeJoin.Label> labels;
        private Set<String> entities;

        Span(long from, long to, List<PointInTimeJoin.Label> labels) {
            this.from = from;
            this.to = to;
            this.labels = labels;
        }

        long from() {
            return from;
        }

        long to() {
            return to;
        }

        /** The labels' entities, each once, in order of first appearance (asked for by both reading threads). */
        synchronized Set<String> entities() {
            if (entities == null) {
                entities = new LinkedHashSet<>();
                labels.forEach(label -> entities.add(label.entity()));
            }
            return entities;
        }

        /** Whether the labels name more than {@code count} entities, found without gathering them all if so. */
        boolean namesMoreEntitiesThan(int count) {
            Set<String> seen = new HashSet<>();
            for (PointInTimeJoin.Label label : labels) {
                if (seen.add(label.entity()) && seen.size() > count) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The events of the version within the span, or all of them when {@code span} is null, and within the given
     * range of the table's pages when {@code pages} is not null (a {@code ctid} range, so two connections can read
     * disjoint halves). Fields are read from {@code field_numbers}, and as JSON only where {@code into} keeps
     * their text or hash, or for rows written before {@code field_numbers}.
     */
    static String query(long versionId, List<String> fields, EventColumns into, Span span, long[] pages) {
        StringBuilder sql = new StringBuilder(
                "COPY (SELECT entity_key, event_time, known_at, staged_record_id, field_numbers");
        for (int f = 0; f < fields.size(); f++) {
            String json = "field_values -> " + literal(fields.get(f));
            sql.append(", ").append(into.fields[f].needsJson() ? json
                    : "CASE WHEN field_numbers IS NULL THEN " + json + " END");
        }
        return sql.append(from(versionId, span, pages)).append(") TO STDOUT (FORMAT binary)").toString();
    }

    /** The {@code FROM … WHERE …} of {@link #query}. */
    static String from(long versionId, Span span, long[] pages) {
        StringBuilder sql = new StringBuilder(" FROM feature_event WHERE view_version_id = ").append(versionId);
        if (span != null) {
            sql.append(" AND event_time >= ").append(timestamp(span.from()))
                    .append(" AND event_time < ").append(timestamp(span.to()))
                    .append(" AND known_at < ").append(timestamp(span.to()))
                    .append(" AND entity_key = ANY (").append(literal(array(span.entities()))).append("::text[])");
        }
        if (pages != null) {
            sql.append(" AND ctid >= '(").append(pages[0]).append(",0)'::tid");
            if (pages[1] >= 0) {
                sql.append(" AND ctid < '(").append(pages[1]).append(",0)'::tid");
            }
        }
        return sql.toString();
    }

    /**
     * Runs the query (given the pages to read, null for all) and appends its rows to {@code into}: over two
     * connections at once when {@code second} is not null, each reading half of the table's pages in one snapshot
     * into columns of its own (and keys of its own, when the keys number every key they meet), then joined.
     */
    static void read(Connection first, Connection second, Function<long[], String> query, EntityKeys entities,
            EventColumns into, Supplier<EventColumns> columns) throws SQLException {
        if (second == null) {
            read(first, query.apply(null), entities, into);
            return;
        }
        EntityKeys secondKeys = entities.numbersEveryKey() ? EntityKeys.numberingEveryKey() : entities;
        EventColumns secondHalf = columns.get();
        SnapshotReads.inHalves(first, second, (c, pages) -> read(c, query.apply(pages),
                c == first ? entities : secondKeys, c == first ? into : secondHalf));
        if (secondKeys != entities) {
            secondHalf.renumber(entities.merge(secondKeys));
        }
        into.addAll(secondHalf);
    }

    /** Runs the query and appends each row whose entity {@code entities} numbers to {@code into}. */
    private static void read(Connection c, String sql, EntityKeys entities, EventColumns into) throws SQLException {
        CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        try {
            boolean first = true;
            byte[] message;
            while ((message = copy.readFromCopy()) != null) {
                int at = 0;
                if (first) {
                    at = HEADER + 4 + int32(message, HEADER);
                    first = false;
                }
                if (message.length - at >= 2 && (short) INT16.get(message, at) >= 0) {
                    row(message, at + 2, entities, into);
                }
            }
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * One tuple: entity (text), event time and known-at (timestamptz), staged record (int8), field numbers (bytea),
     * then a jsonb value per field (null where the field numbers answer for it).
     */
    private static void row(byte[] message, int at, EntityKeys entities, EventColumns into) {
        int length = int32(message, at);
        int entity = entities.id(message, at + 4, length);
        if (entity < 0) {
            return;
        }
        at += 4 + length + 4;
        long eventTime = int64(message, at) + POSTGRES_EPOCH;
        long knownAt = int64(message, at + 12) + POSTGRES_EPOCH;
        int event = into.add(entity, eventTime, knownAt, int64(message, at + 24));
        at += 32;
        int numbersSize = int32(message, at);
        int numbers = at + 4;
        if (numbersSize >= 0 && numbersSize != 8 * into.fields.length) {
            throw new IllegalStateException("field_numbers holds " + numbersSize + " bytes for "
                    + into.fields.length + " fields");
        }
        at = numbers + Math.max(numbersSize, 0);
        for (int f = 0; f < into.fields.length; f++) {
            FieldColumn field = into.fields[f];
            int size = int32(message, at);
            if (numbersSize >= 0 && !field.needsJson()) {
                field.setPacked(event, int64(message, numbers + 8 * f));
            } else {
                // A jsonb value in binary is a version byte, then its text.
                field.set(event, message, at + 5, size < 0 ? -1 : size - 1);
            }
            at += 4 + Math.max(size, 0);
        }
    }

    private static int int32(byte[] bytes, int at) {
        return (int) INT32.get(bytes, at);
    }

    private static long int64(byte[] bytes, int at) {
        return (long) INT64.get(bytes, at);
    }

    private static String timestamp(long micros) {
        Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        return "'" + at + "'::timestamptz";
    }

    /** A text array's literal form: each element double-quoted, with backslash and double quote escaped. */
    private static String array(Collection<String> values) {
        StringBuilder array = new StringBuilder("{");
        for (String value : values) {
            array.append(array.length() > 1 ? "," : "").append('"')
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return array.append('}').toString();
    }

    /** A string literal, for a server with standard-conforming strings (the default since PostgreSQL 9.1). */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
