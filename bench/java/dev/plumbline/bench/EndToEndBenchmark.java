package dev.plumbline.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * W4: a running Plumbline, end to end (Kafka, staged, validated, quarantined), against the slowest of the raw
 * ceilings measured in the same harness. Finds the highest rate Plumbline sustains with bounded lag, then
 * publishes at half of it and reports the time from publishing to validation per record.
 * Usage: {@code EndToEndBenchmark <bootstrap servers> <jdbc url> <user> <password> <topic> <dataset>
 * [seconds per step=30] [ceiling records=300000] [start rate=2000] [fixed rate]}. The dataset must be registered
 * for the topic with the demo's transactions contract. With a fixed rate, it measures no ceilings and searches no
 * rate: after the warm-up it publishes at that rate for one step (to profile Plumbline at a rate of choice).
 */
public final class EndToEndBenchmark {

    // Lag counts as bounded while no more than this many seconds of input wait to be validated.
    private static final double BOUND_SECONDS = 5;
    private static final int BISECTIONS = 3;
    private static final Duration WARM_UP = Duration.ofSeconds(60);

    private final PacedPublisher publisher;
    private final PipelineProgress progress;
    private final String topic;
    private final Duration step;
    private final TransactionEvents events = new TransactionEvents("e2e-" + System.currentTimeMillis());
    private final long validatedBefore;

    private EndToEndBenchmark(PacedPublisher publisher, PipelineProgress progress, String topic, Duration step)
            throws java.sql.SQLException {
        this.publisher = publisher;
        this.progress = progress;
        this.topic = topic;
        this.step = step;
        this.validatedBefore = progress.validated();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            throw new IllegalArgumentException("usage: EndToEndBenchmark <bootstrap servers> <jdbc url> <user> "
                    + "<password> <topic> <dataset> [seconds per step] [ceiling records] [start rate]");
        }
        Duration step = Duration.ofSeconds(args.length > 6 ? Long.parseLong(args[6]) : 30);
        int ceilingRecords = args.length > 7 ? Integer.parseInt(args[7]) : 300_000;
        double startRate = args.length > 8 ? Double.parseDouble(args[8]) : 2000;
        double fixedRate = args.length > 9 && !args[9].isEmpty() ? Double.parseDouble(args[9]) : 0;
        if (fixedRate > 0) {
            atFixedRate(args, step, startRate, fixedRate);
            return;
        }

        RawCeilings ceilings = new RawCeilings(ceilingRecords);
        double kafka = 0, copy = 0;
        // The best of two runs each, as the first warms up the clients and the servers.
        for (int run = 0; run < 2; run++) {
            // A plumbline.* topic, which Plumbline does not ingest, so the ceiling does not load it.
            kafka = Math.max(kafka, ceilings.kafka(args[0], "plumbline.bench-ceiling-" + System.nanoTime()));
            copy = Math.max(copy, ceilings.copy(args[1], args[2], args[3]));
        }
        double jackson = ceilings.jackson();
        double slowest = Math.min(kafka, Math.min(copy, jackson));
        print("raw ceilings: Kafka produce+consume %.0f rec/s, COPY %.0f rec/s, Jackson readTree %.0f rec/s;"
                + " slowest %.0f rec/s", kafka, copy, jackson, slowest);

        try (PacedPublisher publisher = new PacedPublisher(args[0]);
                PipelineProgress progress = new PipelineProgress(args[1], args[2], args[3], args[5])) {
            EndToEndBenchmark bench = new EndToEndBenchmark(publisher, progress, args[4], step);
            bench.warmUp(startRate);
            double sustainable = bench.sustainableRate(startRate);
            PipelineProgress.Latency latency = bench.latencyAt(sustainable / 2);
            print("sustained %.0f events/s with bounded lag: %.2f x the slowest raw ceiling (goal >= 0.5)",
                    sustainable, sustainable / slowest);
            print("at %.0f events/s (half of it): publish to validation result p50 %.2f s, p99 %.2f s, max %.2f s"
                    + " over %d records (goal: p99 < 2 s)", sustainable / 2, latency.p50(), latency.p99(),
                    latency.max(), latency.records());
            if (publisher.failed() > 0) {
                print("%d events could not be published", publisher.failed());
            }
        }
    }

    private static void atFixedRate(String[] args, Duration step, double startRate, double rate) throws Exception {
        try (PacedPublisher publisher = new PacedPublisher(args[0]);
                PipelineProgress progress = new PipelineProgress(args[1], args[2], args[3], args[5])) {
            EndToEndBenchmark bench = new EndToEndBenchmark(publisher, progress, args[4], step);
            bench.warmUp(startRate);
            bench.holds(rate);
        }
    }

    // Until the JIT compiler has done its work, Plumbline spends most of its CPU compiling, not validating.
    private void warmUp(double rate) throws Exception {
        long started = System.nanoTime();
        publisher.publish(topic, events, rate, WARM_UP);
        publisher.publish(topic, events, 2 * rate, WARM_UP);
        drain();
        print("warm-up: %d events in %.0f s, not counted", publisher.published(), (System.nanoTime() - started) / 1e9);
    }

    /** Doubles the rate until lag is no longer bounded, then bisects between the last two rates. */
    private double sustainableRate(double start) throws Exception {
        double good = 0, bad = 0;
        for (double rate = start; bad == 0; rate *= 2) {
            if (holds(rate)) {
                good = rate;
            } else {
                bad = rate;
            }
        }
        for (int i = 0; i < BISECTIONS && good > 0; i++) {
            double middle = (good + bad) / 2;
            if (holds(middle)) {
                good = middle;
            } else {
                bad = middle;
            }
        }
        return good;
    }

    /** Publishes at the rate for one step and says whether the backlog stayed bounded; then lets it drain. */
    private boolean holds(double rate) throws Exception {
        List<Long> backlog = new CopyOnWriteArrayList<>();
        long validatedAtStart = progress.validated();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> backlog.add(backlog()), 1, 1, TimeUnit.SECONDS);
        double seconds;
        try {
            seconds = publisher.publish(topic, events, rate, step);
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        }
        backlog.add(backlog());
        double validatedRate = (progress.validated() - validatedAtStart) / seconds;
        long bound = (long) (rate * BOUND_SECONDS);
        List<Long> secondHalf = backlog.subList(backlog.size() / 2, backlog.size());
        long worst = secondHalf.stream().mapToLong(Long::longValue).max().orElse(0);
        boolean growing = backlog.get(backlog.size() - 1) > secondHalf.get(0) + (long) rate;
        boolean paced = seconds <= 1.05 * step.toSeconds();
        boolean holds = paced && worst <= bound && !growing;
        print("%6.0f events/s for %d s%s: backlog in the second half up to %d (bound %d)%s, %.0f validated/s: %s",
                rate, step.toSeconds(),
                paced ? "" : String.format(Locale.ROOT, " (the publisher needed %.1f s)", seconds),
                worst, bound, growing ? ", growing" : "", validatedRate, holds ? "sustained" : "not sustained");
        drain();
        return holds;
    }

    private PipelineProgress.Latency latencyAt(double rate) throws Exception {
        long after = progress.lastStagedId();
        publisher.publish(topic, events, rate, step.compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30)
                : step);
        drain();
        return progress.latency(topic, after);
    }

    private long backlog() {
        try {
            return publisher.published() - (progress.validated() - validatedBefore);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not read validation progress", e);
        }
    }

    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (backlog() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        if (backlog() > 0) {
            print("still %d records to validate after five minutes; going on", backlog());
        }
    }

    private static void print(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
        System.out.flush();
    }
}
