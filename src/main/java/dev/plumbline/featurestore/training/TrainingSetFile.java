package dev.plumbline.featurestore.training;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.transform.FeatureSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * A training set as a file, through an in-memory DuckDB: the uploaded columns in their order, then each view's
 * features and the newest event time and known-at its row used, written as Parquet (the stored form) and read
 * back as CSV. Times are UTC, written {@code 2026-03-14T09:30:00.000000Z} in CSV.
 */
final class TrainingSetFile {

    /** A column of the file and its DuckDB type. */
    record Column(String name, String type) {
    }

    private TrainingSetFile() {
    }

    static List<Column> columns(EntityRows rows, UploadShape shape, List<JoinedView> views) {
        List<Column> columns = new ArrayList<>();
        for (String name : rows.columns()) {
            String type = name.equals(shape.timeColumn()) ? "TIMESTAMP"
                    : shape.labelColumns().contains(name) && numeric(rows, rows.column(name)) ? "DOUBLE" : "VARCHAR";
            columns.add(new Column(name, type));
        }
        for (JoinedView view : views) {
            for (FeatureSpec feature : view.joined().features()) {
                String type = switch (feature.aggregation()) {
                    case COUNT, APPROX_DISTINCT -> "BIGINT";
                    case LAST -> "VARCHAR";
                    default -> "DOUBLE";
                };
                columns.add(new Column(feature.name(), type));
            }
            columns.add(new Column(view.newestEventTimeColumn(), "TIMESTAMP"));
            columns.add(new Column(view.newestKnownAtColumn(), "TIMESTAMP"));
        }
        List<String> names = new ArrayList<>();
        for (Column column : columns) {
            if (names.contains(column.name())) {
                throw new BadUpload("two columns of the training set would be called \"" + column.name()
                        + "\": an uploaded column or a feature of another view has that name");
            }
            names.add(column.name());
        }
        return columns;
    }

    /** Writes the rows as Parquet and returns the file's bytes. */
    static byte[] parquet(EntityRows rows, List<Column> columns, List<JoinedView> views) throws SQLException {
        Path file = temp(".parquet");
        try (DuckDBConnection duck = open(); Statement s = duck.createStatement()) {
            s.execute("CREATE TABLE training_set (" + String.join(", ", columns.stream()
                    .map(c -> quote(c.name()) + " " + c.type()).toList()) + ")");
            try (DuckDBAppender appender = duck.createAppender("main", "training_set")) {
                for (int i = 0; i < rows.rows().size(); i++) {
                    appender.beginRow();
                    appendUploaded(appender, rows.rows().get(i), columns);
                    for (JoinedView view : views) {
                        appendJoined(appender, view, i);
                    }
                    appender.endRow();
                }
            }
            s.execute("COPY training_set TO " + literal(file) + " (FORMAT PARQUET, COMPRESSION ZSTD)");
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
    }

    /**
     * The leakage audit, read from the Parquet file alone: feature values whose row used an event with an event
     * time or known-at at or after the row's label time, counted per feature. It shares no code with the join.
     */
    static long leakedValues(byte[] parquet, String timeColumn, List<JoinedView> views) throws SQLException {
        Path file = write(parquet, ".parquet");
        try (Connection duck = open(); Statement s = duck.createStatement()) {
            long leaked = 0;
            for (JoinedView view : views) {
                String sql = "SELECT count(*) FROM read_parquet(" + literal(file) + ") WHERE "
                        + quote(view.newestEventTimeColumn()) + " >= " + quote(timeColumn) + " OR "
                        + quote(view.newestKnownAtColumn()) + " >= " + quote(timeColumn);
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    leaked += rs.getLong(1) * view.joined().features().size();
                }
            }
            return leaked;
        } finally {
            delete(file);
        }
    }

    /** The stored Parquet as CSV with a header line, into a file the caller deletes. */
    static Path csv(byte[] parquet) throws SQLException {
        Path in = write(parquet, ".parquet");
        Path out = temp(".csv");
        try (Connection duck = open(); Statement s = duck.createStatement()) {
            s.execute("COPY (SELECT * FROM read_parquet(" + literal(in) + ")) TO " + literal(out)
                    + " (HEADER, DELIMITER ',', TIMESTAMPFORMAT '%Y-%m-%dT%H:%M:%S.%fZ')");
            return out;
        } finally {
            delete(in);
        }
    }

    private static void appendUploaded(DuckDBAppender appender, EntityRows.Row row, List<Column> columns)
            throws SQLException {
        String[] values = row.values();
        for (int c = 0; c < values.length; c++) {
            String type = columns.get(c).type();
            if (type.equals("TIMESTAMP")) {
                appender.append(utc(row.labelTime()));
            } else if (values[c].isBlank() && !type.equals("VARCHAR")) {
                appender.appendNull();
            } else if (type.equals("DOUBLE")) {
                appender.append(Double.parseDouble(values[c].strip()));
            } else {
                appender.append(values[c]);
            }
        }
    }

    private static void appendJoined(DuckDBAppender appender, JoinedView view, int row) throws SQLException {
        for (int k = 0; k < view.joined().features().size(); k++) {
            Object value = view.joined().value(row, k);
            if (value == null) {
                appender.appendNull();
            } else if (value instanceof Long n) {
                appender.append(n.longValue());
            } else if (value instanceof Double x) {
                appender.append(x.doubleValue());
            } else {
                JsonNode node = (JsonNode) value;
                appender.append(node.isTextual() ? node.asText() : node.toString());
            }
        }
        appendTime(appender, view.joined().newestEventTime(row));
        appendTime(appender, view.joined().newestKnownAt(row));
    }

    private static void appendTime(DuckDBAppender appender, Instant time) throws SQLException {
        if (time == null) {
            appender.appendNull();
        } else {
            appender.append(utc(time));
        }
    }

    private static boolean numeric(EntityRows rows, int column) {
        for (EntityRows.Row row : rows.rows()) {
            String value = row.values()[column].strip();
            if (!value.isEmpty()) {
                try {
                    if (!Double.isFinite(Double.parseDouble(value))) {
                        return false;
                    }
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return true;
    }

    static DuckDBConnection open() throws SQLException {
        DuckDBConnection duck = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
        try (Statement s = duck.createStatement()) {
            s.execute("SET autoinstall_known_extensions = false");
            s.execute("SET threads = 2");
        }
        return duck;
    }

    private static LocalDateTime utc(Instant time) {
        return LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(Path file) {
        return "'" + file.toString().replace("'", "''") + "'";
    }

    private static Path temp(String suffix) {
        try {
            Path file = Files.createTempFile("plumbline-training-set-", suffix);
            Files.delete(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(byte[] bytes, String suffix) {
        try {
            Path file = Files.createTempFile("plumbline-training-set-", suffix);
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file left behind is the operating system's to clean.
        }
    }
}
