package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A micro-batch's rows with the columns its check reads, taken from each row and decoded ({@link ColumnVector})
 * in one pass. Constraints and analyzers then scan a column's typed arrays ({@link ColumnValues#vector}) instead
 * of looking the field up in every row once per constraint: on batches larger than the CPU caches, each of those
 * lookups was a trip to main memory.
 */
final class ColumnarRows extends AbstractList<JsonNode> implements RandomAccess {

    private final List<JsonNode> rows;
    private final Map<String, ColumnVector> columns = new HashMap<>();

    private ColumnarRows(List<JsonNode> rows) {
        this.rows = rows;
    }

    static ColumnarRows of(List<JsonNode> rows, Collection<String> names) {
        ColumnarRows batch = new ColumnarRows(rows);
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

    /** The column decoded, its values in row order as {@link ColumnValues#field} gives them; shared. */
    ColumnVector vector(String name) {
        return columns.computeIfAbsent(name, n -> ColumnVector.of(ColumnValues.read(rows, n)));
    }

    @Override
    public JsonNode get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }
}
