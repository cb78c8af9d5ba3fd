package dev.plumbline.monitor.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    // Only each dataset's latest runs are looked at, through validation_run_by_dataset and rule_result_by_run.
    private static final String LATEST = """
            SELECT d.name, d.owning_team, x.column_name, x.success, x.observed, x.observed_value::text
            FROM dataset d CROSS JOIN LATERAL (
                SELECT DISTINCT ON (rr.column_name) rr.column_name, rr.success, rr.observed, rr.observed_value
                FROM (SELECT id FROM validation_run WHERE dataset_id = d.id AND finished_at > ?
                      ORDER BY id DESC LIMIT 20) r
                JOIN rule_result rr ON rr.validation_run_id = r.id
                WHERE rr.rule = ?
                ORDER BY rr.column_name, rr.id DESC) x""";

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    public RuleQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Each dataset's latest result per column of the contract rule, among its runs finished after {@code since}. */
    public List<LatestRuleResult> latest(String rule, Instant since) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(LATEST)) {
            s.setTimestamp(1, Timestamp.from(since));
            s.setString(2, rule);
            List<LatestRuleResult> results = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String value = rs.getString(6);
                    results.add(new LatestRuleResult(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getBoolean(4), rs.getString(5), value == null ? null : json.readTree(value)));
                }
            }
            return results;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the latest results of " + rule, e);
        }
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
