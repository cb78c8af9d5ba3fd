package dev.plumbline.featurestore.training;

import java.time.Instant;
import java.util.List;

/**
 * Uploaded entity rows, checked: the columns in the order uploaded, and per row the line it came from, its
 * values in column order (empty for none) and its label time.
 */
public record EntityRows(String format, List<String> columns, List<Row> rows) {

    /** One entity row. */
    public record Row(int line, String[] values, Instant labelTime) {
    }

    public int column(String name) {
        return columns.indexOf(name);
    }
}
