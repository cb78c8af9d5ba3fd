package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.stream.IntStream;

/**
 * A micro-batch's rows with the columns its check reads decoded ({@link ColumnVector}) in one pass. Constraints
 * and analyzers scan a column's typed arrays ({@link ColumnValues#vector}) instead of looking the field up in every
 * row once per constraint. Read from JSON payloads ({@link #parse}), the columns come straight from the token
 * stream and a row's tree is built only when a rule reads the row whole (a row condition, a JSON schema).
 */
final class ColumnarRows extends AbstractList<JsonNode> implements RandomAccess {

    private final List<JsonNode> rows;
    private final List<String> payloads;
    private final JsonNode[] trees;
    private final Map<String, ColumnVector> columns = new HashMap<>();

    private ColumnarRows(List<JsonNode> rows, List<String> payloads) {
        this.rows = rows;
        this.payloads = payloads;
        this.trees = payloads == null ? null : new JsonNode[payloads.size()];
    }

    static ColumnarRows of(List<JsonNode> rows, Collection<String> names) {
        ColumnarRows batch = new ColumnarRows(rows, null);
        String[] read = new LinkedHashSet<>(names).toArray(String[]::new);
        ColumnVector[] values = new ColumnVector[read.length];
        for (int c = 0; c < read.length; c++) {
            values[c] = new ColumnVector(rows.size());
        }
        // decoded as each value is read, while its node is still in the CPU cache
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            for (int c = 0; c < read.length; c++) {
                values[c].decode(i, ColumnValues.field(row, read[c]));
            }
        }
        for (int c = 0; c < read.length; c++) {
            batch.columns.put(read[c], values[c]);
        }
        return batch;
    }

    /** The rows of JSON payloads (each one value; a non-object has no fields), {@code names} decoded now. */
    static ColumnarRows parse(List<String> payloads, Collection<String> names) {
        ColumnarRows batch = new ColumnarRows(null, List.copyOf(payloads));
        batch.columns.putAll(batch.decode(new LinkedHashSet<>(names)));
        return batch;
    }

    /** The columns decoded in row ranges, on every core when the batch is large, each range into its rows. */
    private Map<String, ColumnVector> decode(Collection<String> names) {
        int rows = payloads.size();
        Map<String, ColumnVector> wanted = new LinkedHashMap<>();
        names.forEach(name -> wanted.put(name, new ColumnVector(rows)));
        int ranges = BatchParallelism.ranges(rows);
        IntStream parts = IntStream.range(0, ranges);
        (ranges > 1 ? parts.parallel() : parts).forEach(r -> decode(wanted, rows * r / ranges,
                rows * (r + 1) / ranges));
        return wanted;
    }

    private void decode(Map<String, ColumnVector> wanted, int from, int to) {
        PayloadColumns reader = new PayloadColumns(wanted);
        for (int i = from; i < to; i++) {
            try {
                reader.read(payloads.get(i), i);
            } catch (IOException e) {
                throw new UncheckedIOException("row " + i + " of the batch is not JSON", e);
            }
        }
    }

    /** The column decoded, its values in row order as {@link ColumnValues#field} gives them; shared. */
    synchronized ColumnVector vector(String name) {
        ColumnVector vector = columns.get(name);
        if (vector == null) {
            vector = payloads == null ? ColumnVector.of(ColumnValues.read(rows, name)) : decode(List.of(name)).get(name);
            columns.put(name, vector);
        }
        return vector;
    }

    // synchronized: the constraints of a large batch run in parallel, and some read rows whole
    @Override
    public synchronized JsonNode get(int index) {
        if (payloads == null) {
            return rows.get(index);
        }
        JsonNode tree = trees[index];
        if (tree == null) {
            try {
                tree = RowReader.read(payloads.get(index));
            } catch (IOException e) {
                throw new UncheckedIOException("row " + index + " of the batch is not JSON", e);
            }
            trees[index] = tree;
        }
        return tree;
    }

    @Override
    public int size() {
        return payloads == null ? rows.size() : payloads.size();
    }
}
