package dev.plumbline.bench.deequ;

import com.amazon.deequ.VerificationSuite;
import dev.plumbline.validate.Check;
import dev.plumbline.validate.VerificationResult;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * W1, engine only: Plumbline's {@code Check.run} against Deequ's {@code VerificationSuite} on local Spark, in
 * one JVM, on the same generated batches, with the same checks. Only verification is timed (data generated, checks
 * compiled beforehand): for Plumbline reading the rows' JSON text as staged and checking them, for Deequ checking
 * its cached DataFrame. Both engines are warmed up, then take turns; reported are the median wall-clock seconds as
 * rows/s per engine, the median of the runs' ratios, and the process CPU seconds of each.
 * Usage: {@code W1Benchmark [sizes=10000,100000,1000000] [shapes=narrow,wide]}.
 */
public final class W1Benchmark {

    private static final int PARTITIONS = 2;

    private W1Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        List<Shape> shapes = Arrays.stream((args.length > 1 ? args[1] : "narrow,wide").split(","))
                .map(name -> name.equals("wide") ? Shape.wide() : Shape.narrow()).toList();
        SparkSession spark = SparkSession.builder().master("local[" + PARTITIONS + "]").appName("w1")
                .config("spark.ui.enabled", false)
                .config("spark.sql.shuffle.partitions", PARTITIONS)
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        boolean allAgree = true;
        List<String> table = new ArrayList<>();
        try {
            for (Shape shape : shapes) {
                Check plumbline = Contracts.compile(shape);
                com.amazon.deequ.checks.Check deequ = DeequChecks.of(shape);
                for (int size : sizes) {
                    allAgree &= measure(spark, shape, plumbline, deequ, size, table);
                }
            }
        } finally {
            spark.stop();
        }
        System.out.println();
        System.out.println("| shape | rows | checks | Plumbline s | Plumbline rows/s | Deequ s | Deequ rows/s | ratio"
                + " | Plumbline CPU s | Deequ CPU s | CPU ratio |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        table.forEach(System.out::println);
        if (!allAgree) {
            System.out.println("The engines disagreed on some rules (see above).");
            System.exit(1);
        }
    }

    private static boolean measure(SparkSession spark, Shape shape, Check plumbline,
            com.amazon.deequ.checks.Check deequ, int size, List<String> table) throws Exception {
        System.out.printf(Locale.ROOT, "%n== %s × %d checks, %,d rows ==%n", shape.name(), shape.rules().size(), size);
        long started = System.nanoTime();
        List<String> payloads = PlumblineRows.generate(shape, size);
        Supplier<VerificationResult> runPlumbline = () -> plumbline.run(plumbline.rows(payloads, List.of()));
        System.out.printf(Locale.ROOT, "Plumbline payloads written in %.1f s, heap in use %s%n", seconds(started),
                heapInUse());
        started = System.nanoTime();
        Dataset<Row> frame = SparkFrames.cached(spark, shape, size, PARTITIONS);
        System.out.printf(Locale.ROOT, "Spark DataFrame cached in %.1f s, heap in use %s%n", seconds(started),
                heapInUse());
        Supplier<com.amazon.deequ.VerificationResult> runDeequ = () -> new VerificationSuite().onData(frame)
                .addCheck(deequ).run();
        Agreement agreement = Agreement.of(shape, runPlumbline.get(), runDeequ.get());
        System.out.println("agreement: " + agreement.describe());
        // one warm-up at a million rows too: the smaller batches before it do not leave the JIT settled for it
        int warmups = size <= 10_000 ? 5 : size <= 100_000 ? 3 : 1;
        int runs = size <= 10_000 ? 10 : size <= 100_000 ? 5 : 3;
        double[][] times = inTurn(warmups, runs, runPlumbline, runDeequ);
        frame.unpersist(true);
        double ours = median(times[0]);
        double theirs = median(times[1]);
        double[] ratios = new double[runs];
        for (int i = 0; i < runs; i++) {
            ratios[i] = times[1][i] / times[0][i];
        }
        double ratio = median(ratios);
        double cpuRatio = median(times[3]) / median(times[2]);
        System.out.printf(Locale.ROOT, "Plumbline %,.0f rows/s, Deequ %,.0f rows/s, ratio %.1f× (in turn), CPU %.3f s"
                + " vs %.3f s, %.1f×%n", size / ours, size / theirs, ratio, median(times[2]), median(times[3]), cpuRatio);
        table.add(String.format(Locale.ROOT, "| %s | %,d | %d | %.3f | %,.0f | %.3f | %,.0f | %.1f× | %.3f | %.3f | %.1f× |",
                shape.name(), size, shape.rules().size(), ours, size / ours, theirs, size / theirs, ratio,
                median(times[2]), median(times[3]), cpuRatio));
        return agreement.complete();
    }

    /**
     * Wall-clock and process CPU seconds of {@code runs} runs of each engine after {@code warmups} unmeasured ones,
     * the two taking turns (each going first every other run) so that both see the same load of this shared
     * machine: wall Plumbline, wall Deequ, CPU Plumbline, CPU Deequ.
     */
    private static double[][] inTurn(int warmups, int runs, Supplier<?> plumbline, Supplier<?> deequ) {
        for (int i = 0; i < warmups; i++) {
            plumbline.get();
            deequ.get();
        }
        double[][] times = new double[4][runs];
        for (int i = 0; i < runs; i++) {
            for (int turn = 0; turn < 2; turn++) {
                int engine = (i + turn) % 2;
                long cpu = processCpuNanos();
                long started = System.nanoTime();
                (engine == 0 ? plumbline : deequ).get();
                times[engine][i] = seconds(started);
                times[engine + 2][i] = (processCpuNanos() - cpu) / 1e9;
            }
        }
        String[] names = {"Plumbline wall", "Deequ wall", "Plumbline CPU", "Deequ CPU"};
        for (int k = 0; k < 4; k++) {
            System.out.printf(Locale.ROOT, "%s (s): %s%n", names[k], Arrays.toString(Arrays.stream(times[k])
                    .map(t -> Math.round(t * 1000) / 1000.0).toArray()));
        }
        return times;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static String heapInUse() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%.1f GiB", (runtime.totalMemory() - runtime.freeMemory()) / 1073741824.0);
    }
}
