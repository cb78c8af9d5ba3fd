package dev.plumbline.featurestore.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The first rows of a stored training set as text, for its page: the header and up to {@code limit} rows. */
public record TrainingSetPreview(List<String> columns, List<List<String>> rows) {

    static TrainingSetPreview of(byte[] parquet, int limit) {
        Path file = null;
        try {
            file = Files.createTempFile("plumbline-training-set-", ".parquet");
            Files.write(file, parquet);
            try (Connection duck = TrainingSetFile.open(); Statement s = duck.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM read_parquet('"
                            + file.toString().replace("'", "''") + "') LIMIT " + limit)) {
                int n = rs.getMetaData().getColumnCount();
                List<String> columns = new ArrayList<>();
                for (int c = 1; c <= n; c++) {
                    columns.add(rs.getMetaData().getColumnName(c));
                }
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= n; c++) {
                        String value = rs.getString(c);
                        row.add(value == null ? "" : value);
                    }
                    rows.add(row);
                }
                return new TrainingSetPreview(columns, rows);
            }
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException("could not read the training set's rows", e);
        } finally {
            if (file != null) {
                TrainingSetFile.delete(file);
            }
        }
    }
}
