package dev.plumbline.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;

/** An event as the point-in-time join reads it: its times, its staged record and its source fields' values. */
record SweptEvent(Instant eventTime, Instant knownAt, long recordId, JsonNode[] values) {

    /** The order {@code last} breaks ties in: event time, then known-at, then staging order. */
    static final Comparator<SweptEvent> ORDER = Comparator.comparing(SweptEvent::eventTime)
            .thenComparing(SweptEvent::knownAt).thenComparingLong(SweptEvent::recordId);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads columns 2 and 3 (event time and known-at, epoch microseconds), 4 (record), then one JSON text per field. */
    static SweptEvent read(ResultSet rs, int fields) throws SQLException {
        JsonNode[] values = new JsonNode[fields];
        for (int f = 0; f < fields; f++) {
            values[f] = scalar(rs.getString(5 + f));
        }
        return new SweptEvent(micros(rs.getLong(2)), micros(rs.getLong(3)), rs.getLong(4), values);
    }

    // Times come as epoch microseconds: reading them as numbers is several times cheaper than as timestamps.
    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    void addTo(TileState[] states) {
        for (int f = 0; f < states.length; f++) {
            if (states[f] != null) {
                states[f].add(values[f], eventTime, knownAt, recordId);
            }
        }
    }

    /** A stored JSON value; plain numbers, most of what features read, skip the general parser. */
    static JsonNode scalar(String text) {
        if (text == null) {
            return null;
        }
        char first = text.charAt(0);
        if ((first == '-' || first >= '0' && first <= '9') && text.length() < 18) {
            if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
                long n = Long.parseLong(text);
                return n == (int) n ? IntNode.valueOf((int) n) : LongNode.valueOf(n);
            }
            return DoubleNode.valueOf(Double.parseDouble(text));
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("a stored feature value is not JSON: " + text, e);
        }
    }
}
