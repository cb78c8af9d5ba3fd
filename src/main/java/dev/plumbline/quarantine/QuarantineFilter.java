package dev.plumbline.quarantine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which quarantined records someone is looking at: a dataset, a rule they failed, a time range of when they
 * were quarantined (from inclusive, to exclusive, UTC) and a status; every part is optional but the status.
 */
public record QuarantineFilter(String dataset, String rule, Instant from, Instant to, QuarantineStatus status) {

    /** The SQL condition over {@code quarantined_record q} joined with {@code dataset d}; see {@link #bind}. */
    static final String CONDITION = """
            q.status = ? AND d.name = coalesce(?, d.name) AND q.failures @> coalesce(?::jsonb, '[]'::jsonb)
            AND q.quarantined_at >= coalesce(?, '-infinity'::timestamptz)
            AND q.quarantined_at < coalesce(?, 'infinity'::timestamptz)""";

    private static final ObjectMapper JSON = new ObjectMapper();

    public static QuarantineFilter open(String dataset) {
        return new QuarantineFilter(dataset, null, null, null, QuarantineStatus.OPEN);
    }

    /** The filter as a form sends it; blank means "any", times are UTC; refuses what it cannot read. */
    public static QuarantineFilter parse(String dataset, String rule, String from, String to, String status) {
        return new QuarantineFilter(blankToNull(dataset), blankToNull(rule), instant("from", from),
                instant("to", to), QuarantineStatus.of(status));
    }

    /** Binds the condition's parameters from {@code index} on; returns the next free index. */
    int bind(PreparedStatement statement, int index) throws SQLException {
        statement.setString(index, status.key());
        statement.setString(index + 1, dataset);
        statement.setString(index + 2, rule == null ? null : JSON.valueToTree(List.of(Map.of("rule", rule)))
                .toString());
        statement.setTimestamp(index + 3, from == null ? null : Timestamp.from(from));
        statement.setTimestamp(index + 4, to == null ? null : Timestamp.from(to));
        return index + 5;
    }

    /** The filter as a URL query (without the leading {@code ?}), to link back to the same view. */
    public String query() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("dataset", dataset);
        params.put("rule", rule);
        params.put("from", formInput(from));
        params.put("to", formInput(to));
        params.put("status", status == QuarantineStatus.OPEN ? null : status.key());
        return params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A time as an HTML {@code datetime-local} input shows it, in UTC. */
    public static String formInput(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.endsWith("Z") ? Instant.parse(value) : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date and time such as 2026-11-24T03:00 (UTC), not "
                    + value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
