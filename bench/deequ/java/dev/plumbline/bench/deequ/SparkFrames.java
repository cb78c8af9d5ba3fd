package dev.plumbline.bench.deequ;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * A W1 batch as Deequ is given it: a DataFrame of the same cells as {@link PlumblineRows} (computed by the same
 * {@link Values} function on the executors), typed (strings, doubles, longs), cached and counted before any
 * timing starts.
 */
final class SparkFrames {

    private SparkFrames() {
    }

    static Dataset<Row> cached(SparkSession spark, Shape shape, int rows, int partitions) {
        List<Column> columns = shape.columns();
        JavaRDD<Row> data = spark.range(0, rows, 1, partitions).javaRDD().map(row -> row(columns, row));
        Dataset<Row> frame = spark.createDataFrame(data, schema(shape)).persist(StorageLevel.MEMORY_ONLY());
        long counted = frame.count();
        if (counted != rows) {
            throw new IllegalStateException("cached " + counted + " rows, expected " + rows);
        }
        return frame;
    }

    private static Row row(List<Column> columns, long row) {
        Object[] values = new Object[columns.size()];
        for (int c = 0; c < values.length; c++) {
            values[c] = Values.value(columns.get(c), c, row);
        }
        return RowFactory.create(values);
    }

    private static StructType schema(Shape shape) {
        return new StructType(shape.columns().stream()
                .map(column -> new StructField(column.name(), type(column), true,
                        org.apache.spark.sql.types.Metadata.empty()))
                .toArray(StructField[]::new));
    }

    private static DataType type(Column column) {
        return switch (column.kind()) {
            case COUNT -> DataTypes.LongType;
            case AMOUNT, RATIO, NULLABLE_AMOUNT -> DataTypes.DoubleType;
            default -> DataTypes.StringType;
        };
    }
}
