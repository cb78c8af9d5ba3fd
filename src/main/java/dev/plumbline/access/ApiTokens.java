package dev.plumbline.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * API tokens for scripts: 256 random bits shown once at creation; only their SHA-256 is stored, which is
 * enough for a value that cannot be guessed and needs no slow hash. Revoked tokens stay listed.
 */
@ApplicationScoped
@Transactional
public class ApiTokens {

    static final String PREFIX = "plb_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String INSERT = """
            INSERT INTO api_token (user_id, name, token_sha256) SELECT id, ?, ? FROM app_user WHERE username = ?
            RETURNING id""";
    private static final String USE = """
            UPDATE api_token t SET last_used_at = now() FROM app_user u
            WHERE t.token_sha256 = ? AND t.revoked_at IS NULL AND u.id = t.user_id RETURNING u.username""";
    private static final String LIST = """
            SELECT t.id, t.name, t.created_at, t.last_used_at, t.revoked_at FROM api_token t
            JOIN app_user u ON u.id = t.user_id WHERE u.username = ? ORDER BY t.id DESC""";
    private static final String REVOKE = """
            UPDATE api_token t SET revoked_at = now() FROM app_user u
            WHERE t.id = ? AND u.id = t.user_id AND u.username = ? AND t.revoked_at IS NULL""";

    private final DataSource dataSource;
    private final TokenCache cache;

    public ApiTokens(DataSource dataSource, TokenCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    /** Creates a token for the user; the returned value is the only copy of the secret. */
    public IssuedToken create(String username, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a token needs a name of 1 to 100 characters");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, name.strip());
            s.setString(2, sha256(token));
            s.setString(3, username);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no user " + username);
                }
                return new IssuedToken(rs.getLong(1), name.strip(), token);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a token", e);
        }
    }

    /** The owner of a valid, unrevoked token, recording that it was used now. */
    public Optional<String> use(String token) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(USE)) {
            s.setString(1, sha256(token));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check a token", e);
        }
    }

    /** The user's tokens, newest first. */
    public List<ApiToken> list(String username) {
        List<ApiToken> tokens = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(LIST)) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tokens.add(new ApiToken(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)),
                            instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list tokens", e);
        }
        return tokens;
    }

    /** Revokes one of the user's own tokens; whether there was such an unrevoked token. */
    public boolean revoke(String username, long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(REVOKE)) {
            s.setLong(1, id);
            s.setString(2, username);
            boolean revoked = s.executeUpdate() == 1;
            if (revoked) {
                cache.revoked();
            }
            return revoked;
        } catch (SQLException e) {
            throw new IllegalStateException("could not revoke a token", e);
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
