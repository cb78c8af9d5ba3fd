package dev.plumbline.monitor.rules;

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

/** Runs the rules' read-only queries, each bound to the evaluation's instant. */
@ApplicationScoped
public class RuleQueries {

    /** Reads one result row. */
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    public RuleQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code sql}, binding every {@code ?} to {@code at}. */
    public <T> List<T> at(String sql, Instant at, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 1; i <= s.getParameterMetaData().getParameterCount(); i++) {
                s.setTimestamp(i, Timestamp.from(at));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not evaluate an alert rule", e);
        }
    }
}
