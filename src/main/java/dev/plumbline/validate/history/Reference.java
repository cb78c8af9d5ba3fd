package dev.plumbline.validate.history;

import java.util.Objects;

/**
 * A foreign key from a contract's {@code relationships}: every non-null {@code column} value of an accepted
 * record must be among the accepted keys of {@code dataset.targetColumn}; {@code path} and {@code line} say
 * where it is written.
 */
public record Reference(String column, String dataset, String targetColumn, String path, int line) {

    public Reference {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(targetColumn, "targetColumn");
    }

    /** The target as written: {@code customers.customer_id}. */
    public String target() {
        return dataset + "." + targetColumn;
    }
}
