package dev.plumbline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * W5's data, made through Plumbline's own API where one exists: a dataset with the demo contract, a feature view
 * of 50 features over it (active, as a first version is), and its online values for {@code entities} customers
 * written straight into {@code feature_online} (as materialization would, without the events behind them).
 */
final class ServingFixture {

    static final int FEATURES = 50;
    private static final String[] AGGREGATIONS = {"count", "sum", "avg", "min", "max", "stddev"};
    private static final String[] WINDOWS = {"1h", "2h", "6h", "12h", "1d", "2d", "7d", "14d", "30d"};

    private final String baseUrl;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    ServingFixture(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    static String entity(long n) {
        return String.format("c-%07d", n);
    }

    static List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (String window : WINDOWS) {
            for (String aggregation : AGGREGATIONS) {
                if (names.size() < FEATURES) {
                    names.add("amount_" + aggregation + "_" + window);
                }
            }
        }
        return names;
    }

    /** Registers the dataset and applies the view; both calls succeed again when they are there already. */
    void apply(String dataset, String view, Path contract) throws IOException, InterruptedException {
        send("PUT", "/api/datasets/" + dataset, "application/json",
                "{\"topic\":\"" + dataset + "\",\"owningTeam\":\"bench\"}");
        send("PUT", "/api/datasets/" + dataset + "/contract", "application/yaml", Files.readString(contract));
        StringBuilder yaml = new StringBuilder("name: " + view + "\nentity: customer_id\nsource: " + dataset
                + "\nowner: bench\nversion: 1.0.0\nfeatures:\n");
        for (String name : featureNames()) {
            String[] parts = name.split("_");
            yaml.append("  - {name: ").append(name).append(", aggregation: ").append(parts[1])
                    .append(", field: amount, window: ").append(parts[2]).append("}\n");
        }
        yaml.append("sla:\n  freshness: 1h\n  servingP99: 50ms\n");
        send("PUT", "/api/feature-views", "application/yaml", yaml.toString());
    }

    /** Writes online values for customers 0 … entities − 1 of the view's active version, as of now. */
    static void seed(String jdbcUrl, String user, String password, String view, int entities) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO feature_online (view_version_id, entity_key, feature_values, as_of)
                        SELECT v.id, 'c-' || lpad(g::text, 7, '0'),
                               (SELECT jsonb_object_agg(n, round((random() * 1000)::numeric, 2))
                                FROM unnest(?::text[]) n WHERE g >= 0),
                               now()
                        FROM feature_view_version v JOIN feature_view f ON f.id = v.view_id,
                             generate_series(0, ? - 1) g
                        WHERE f.name = ? AND v.status = 'active'
                        ON CONFLICT (view_version_id, entity_key) DO NOTHING""")) {
            s.setArray(1, c.createArrayOf("text", featureNames().toArray()));
            s.setInt(2, entities);
            s.setString(3, view);
            s.executeUpdate();
            try (var analyze = c.createStatement()) {
                analyze.execute("ANALYZE feature_online");
            }
        }
    }

    private void send(String method, String path, String type, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
    }
}
