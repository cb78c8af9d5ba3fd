package dev.plumbline.featurestore;

import dev.plumbline.access.RequestAudit;
import dev.plumbline.access.Role;
import dev.plumbline.access.TeamAccess;
import dev.plumbline.transform.FeatureViewStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.sql.DataSource;

/** The teams consuming a feature view, who subscribe themselves: breaking changes to it need their approval. */
@ApplicationScoped
public class FeatureViewConsumers {

    private final FeatureViewStore store;
    private final TeamAccess access;
    private final RequestAudit audit;
    private final DataSource dataSource;

    public FeatureViewConsumers(FeatureViewStore store, TeamAccess access, RequestAudit audit, DataSource dataSource) {
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.dataSource = dataSource;
    }

    /** The consumer teams of a view, by name. */
    public List<String> of(long viewId) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "SELECT team FROM feature_view_consumer WHERE view_id = ? ORDER BY team")) {
            s.setLong(1, viewId);
            List<String> teams = new java.util.ArrayList<>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    teams.add(rs.getString(1));
                }
            }
            return teams;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not read the consumers of feature view " + viewId, e);
        }
    }

    /** The consumer teams of a view, by the view's name. */
    public List<String> of(String viewName) {
        return of(viewId(viewName));
    }

    /** Subscribes a team: an editor of that team does, or an administrator. */
    @Transactional
    public void subscribe(String viewName, String team) {
        long viewId = viewId(viewName);
        access.caller().require(team, Role.EDITOR, "subscribe team " + team + " to feature view " + viewName);
        write("""
                INSERT INTO feature_view_consumer (view_id, team, subscribed_by) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", viewId, team, access.caller().username());
        audit.record("feature_view.subscribed", "feature_view", viewName, Map.of("team", team));
    }

    /** Ends a subscription: an editor of that team, an editor of the owning team, or an administrator. */
    @Transactional
    public void unsubscribe(String viewName, String team) {
        long viewId = viewId(viewName);
        String owner = store.versions(viewName).get(0).owningTeam();
        if (!access.caller().may(owner, Role.EDITOR)) {
            access.caller().require(team, Role.EDITOR, "unsubscribe team " + team + " from feature view " + viewName);
        }
        write("DELETE FROM feature_view_consumer WHERE view_id = ? AND team = ?", viewId, team, null);
        audit.record("feature_view.unsubscribed", "feature_view", viewName, Map.of("team", team));
    }

    private long viewId(String viewName) {
        return store.viewId(viewName).orElseThrow(() -> new NoSuchElementException("no feature view " + viewName));
    }

    private void write(String sql, long viewId, String team, String by) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            s.setLong(1, viewId);
            s.setString(2, team);
            if (by != null) {
                s.setString(3, by);
            }
            s.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not change the consumers of feature view " + viewId, e);
        }
    }
}
