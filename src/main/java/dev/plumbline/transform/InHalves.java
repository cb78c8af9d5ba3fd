package dev.plumbline.transform;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs a task over the two halves of a range at once, the first half on a thread of its own, for the in-memory
 * steps of the point-in-time join on the two cores it is sized for; small ranges run on the caller alone.
 */
final class InHalves {

    /** Work over {@code [from, to)} that touches nothing another range's work does. */
    interface Task {
        void run(int from, int to);
    }

    private static final int SMALLEST = 10_000;

    private InHalves() {
    }

    /** Runs {@code [from, middle)} and {@code [middle, to)} at once when the whole has {@code size} items of work. */
    static void run(int from, int middle, int to, long size, Task task) {
        if (size < SMALLEST) {
            task.run(from, to);
            return;
        }
        FutureTask<Void> first = new FutureTask<>(() -> {
            task.run(from, middle);
            return null;
        });
        new Thread(first, "point-in-time-join").start();
        try {
            task.run(middle, to);
        } finally {
            await(first);
        }
    }

    private static void await(FutureTask<Void> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
