package dev.plumbline.validate;

/**
 * When a batch is large enough to read and check on every core: decoding its columns in row ranges, and its
 * constraints and analyzers side by side. Micro-batches (1,000 records by default) stay on the calling thread,
 * where handing work to other threads would cost more than it saves.
 */
public final class BatchParallelism {

    /** Rows from which a batch is split; a 1,000-row batch checks in about a millisecond. */
    public static final int MIN_ROWS = 20_000;

    private BatchParallelism() {
    }

    public static boolean applies(int rows) {
        return rows >= MIN_ROWS && Runtime.getRuntime().availableProcessors() > 1;
    }

    /** How many row ranges a batch of {@code rows} is decoded in: one per core, or one. */
    static int ranges(int rows) {
        return applies(rows) ? Runtime.getRuntime().availableProcessors() : 1;
    }
}
