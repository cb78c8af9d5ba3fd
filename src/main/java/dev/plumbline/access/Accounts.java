package dev.plumbline.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The people who can sign in and the teams they belong to, read and written with plain JDBC. */
@ApplicationScoped
@Transactional
public class Accounts {

    private static final String USER = """
            SELECT id, username, display_name, password_hash, admin FROM app_user WHERE username = ?""";
    private static final String TEAMS = """
            SELECT t.name, m.role FROM membership m JOIN team t ON t.id = m.team_id WHERE m.user_id = ? ORDER BY t.name""";
    private static final String INSERT_USER = """
            INSERT INTO app_user (username, display_name, password_hash, admin) VALUES (?, ?, ?, ?)
            ON CONFLICT (username) DO NOTHING""";
    private static final String INSERT_TEAM = "INSERT INTO team (name) VALUES (?) ON CONFLICT (name) DO NOTHING";
    private static final String UPSERT_MEMBERSHIP = """
            INSERT INTO membership (user_id, team_id, role)
            SELECT u.id, t.id, ? FROM app_user u, team t WHERE u.username = ? AND t.name = ?
            ON CONFLICT (user_id, team_id) DO UPDATE SET role = EXCLUDED.role""";

    private final DataSource dataSource;

    public Accounts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The account with this user name, with its teams. */
    public Optional<Account> get(String username) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(USER)) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long id = rs.getLong(1);
                return Optional.of(new Account(id, rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), teams(c, id)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read account " + username, e);
        }
    }

    /** Creates an account unless the user name is taken; the password is kept only as a salted hash. */
    public boolean create(String username, String displayName, char[] password, boolean admin) {
        String hash = PasswordHash.hash(password);
        return update(INSERT_USER, username, displayName, hash, admin) == 1;
    }

    /** Makes the user a member of the team, creating the team if needed, with exactly this role. */
    public void applyMembership(String username, String team, Role role) {
        update(INSERT_TEAM, team);
        if (update(UPSERT_MEMBERSHIP, role.key(), username, team) != 1) {
            throw new IllegalArgumentException("no user " + username);
        }
    }

    /** Whether anyone can sign in at all. */
    public boolean isEmpty() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM app_user)");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count accounts", e);
        }
    }

    private static Map<String, Role> teams(Connection c, long userId) throws SQLException {
        Map<String, Role> teams = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(TEAMS)) {
            s.setLong(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    teams.put(rs.getString(1), Role.of(rs.getString(2)));
                }
            }
        }
        return teams;
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write accounts", e);
        }
    }
}
