package dev.plumbline.alert;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Silences in PostgreSQL: created with matchers, a span, an author and a comment; expired, never deleted. */
@ApplicationScoped
public class SilenceStore {

    private static final String COLUMNS =
            "SELECT id, matchers::text, starts_at, ends_at, created_by, comment, created_at, expired_by FROM silence ";

    private final DataSource dataSource;

    public SilenceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a silence; refuses one without matchers, without a comment, or that ends before it starts. */
    public Silence create(List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String author,
            String comment) {
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("a silence needs at least one matcher");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a silence must end after it starts");
        }
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("a silence needs a comment saying why");
        }
        String sql = "INSERT INTO silence (matchers, starts_at, ends_at, created_by, comment) "
                + "VALUES (?::jsonb, ?, ?, ?, ?) RETURNING id";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, MatcherJson.write(matchers));
            s.setTimestamp(2, Timestamp.from(startsAt));
            s.setTimestamp(3, Timestamp.from(endsAt));
            s.setString(4, author);
            s.setString(5, comment.strip());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return get(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the silence", e);
        }
    }

    /** Ends a silence now; one already over is left as it is. Returns whether it was still in force. */
    public boolean expire(long id, String by, Instant now) {
        String sql = "UPDATE silence SET ends_at = greatest(starts_at, ?), expired_by = ? WHERE id = ? AND ends_at > ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, by);
            s.setLong(3, id);
            s.setTimestamp(4, Timestamp.from(now));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not expire silence " + id, e);
        }
    }

    public Silence get(long id) {
        return query(COLUMNS + "WHERE id = ?", id).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no silence " + id));
    }

    /** Silences in force at some point from {@code now} on. */
    public List<Silence> current(Instant now) {
        return query(COLUMNS + "WHERE ends_at > ? ORDER BY starts_at", Timestamp.from(now));
    }

    /** The latest silences, newest first. */
    public List<Silence> newest(int limit) {
        return query(COLUMNS + "ORDER BY id DESC LIMIT ?", limit);
    }

    private List<Silence> query(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            return read(s);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read silences", e);
        }
    }

    private static List<Silence> read(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            List<Silence> silences = new ArrayList<>();
            while (rs.next()) {
                silences.add(new Silence(rs.getLong(1), MatcherJson.read(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)));
            }
            return silences;
        }
    }
}
