package dev.plumbline.bench.deequ;

import dev.plumbline.validate.Check;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * W1's Plumbline side alone, for profiling: the same shape, batch and contract as {@link W1Benchmark}, checked
 * {@code runs} times after {@code warmups}, printing each run's wall-clock and process CPU seconds. No Spark starts,
 * so a profiler sees only Plumbline. Usage: {@code PlumblineOnly rows [narrow|wide] [warmups] [runs]}.
 */
public final class PlumblineOnly {

    private PlumblineOnly() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        String shape = args.length > 1 ? args[1] : "narrow";
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Runnable run = prepared(rows, shape);
        for (int i = 0; i < warmups; i++) {
            run.run();
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            run.run();
            wall[i] = (System.nanoTime() - start) / 1e9;
            cpu[i] = (processCpuNanos() - cpuStart) / 1e9;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%s, %,d rows: wall median %.4f s (min %.4f), CPU median %.4f s (min %.4f)%n",
                shape, rows, wall[runs / 2], wall[0], cpu[runs / 2], cpu[0]);
    }

    /** One check of a generated batch of the shape ({@code narrow} or {@code wide}), ready to run again and again. */
    public static Runnable prepared(int rows, String shape) throws Exception {
        Shape chosen = shape.equals("wide") ? Shape.wide() : Shape.narrow();
        Check check = Contracts.compile(chosen);
        List<String> payloads = PlumblineRows.generate(chosen, rows);
        return () -> check.run(check.rows(payloads, List.of()));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
