package dev.plumbline.bench.deequ;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of Plumbline's engine side by side in one JVM, for a change too small to see through a shared
 * machine's noise: each build in a class loader of its own, on the same generated batch (W1's shape), the two
 * taking turns run by run so that both see the same load. Prints each build's median seconds and the median of the
 * runs' ratios. Usage: {@code EngineAb rows shape runs classesA classesB} with the dependencies in
 * {@code -Dab.classpath} (the W1 build's classpath, without Plumbline's classes) and this harness's classes in
 * {@code -Dab.bench} (without Plumbline's classes, which {@code bench/deequ}'s build copies in).
 */
public final class EngineAb {

    private EngineAb() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[2]);
        Runnable a = prepared(args[3], rows, args[1]);
        Runnable b = prepared(args[4], rows, args[1]);
        for (int i = 0; i < 20; i++) {
            a.run();
            b.run();
        }
        double[][] times = new double[2][runs];
        double[] ratios = new double[runs];
        for (int i = 0; i < runs; i++) {
            for (int turn = 0; turn < 2; turn++) {
                int which = (i + turn) % 2;
                long start = System.nanoTime();
                (which == 0 ? a : b).run();
                times[which][i] = (System.nanoTime() - start) / 1e9;
            }
            ratios[i] = times[1][i] / times[0][i];
        }
        System.out.printf(Locale.ROOT, "%s, %,d rows, %d runs in turn: A median %.4f s, B median %.4f s, "
                + "B/A median %.3f%n", args[1], rows, runs, median(times[0]), median(times[1]), median(ratios));
    }

    private static Runnable prepared(String classes, int rows, String shape) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(new File(System.getProperty("ab.bench")).toURI().toURL());
        urls.add(new File(classes).toURI().toURL());
        for (String entry : System.getProperty("ab.classpath").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        return (Runnable) loader.loadClass(PlumblineOnly.class.getName()).getMethod("prepared", int.class,
                String.class).invoke(null, rows, shape);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
