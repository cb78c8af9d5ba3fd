package dev.plumbline.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * W5: online serving of a running Plumbline under open-loop load at fixed rates, one entity × 50 features and
 * batches of 100 entities, against a baseline endpoint that answers fixed JSON of the same shape through the same
 * HTTP stack and token authentication. The baseline and Plumbline take turns run by run (each going first every
 * other round), so both see the same machine load; the figure is the ratio of their P99s.
 * Usage: {@code ServingBenchmark <base url> <API token> <jdbc url> <user> <password> [entities=100000]
 * [seconds per run=10] [rounds=3] [rates=1000,5000] [warm-up seconds=20]}.
 */
public final class ServingBenchmark {

    private static final String VIEW = "serving_bench";
    private static final int BATCH = 100;
    private static final int BODIES = 4096;
    private static final int CONNECTIONS = 64;

    /** The two sides of one comparison. */
    private record Pair(String kind, LongFunction<OpenLoopLoad.Call> plumbline, LongFunction<OpenLoopLoad.Call> baseline) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            throw new IllegalArgumentException("usage: ServingBenchmark <base url> <API token> <jdbc url> <user> "
                    + "<password> [entities] [seconds per run] [rounds] [rates] [warm-up seconds]");
        }
        URI base = URI.create(args[0]);
        int entities = args.length > 5 ? Integer.parseInt(args[5]) : 100_000;
        Duration run = Duration.ofSeconds(args.length > 6 ? Long.parseLong(args[6]) : 10);
        int rounds = args.length > 7 ? Integer.parseInt(args[7]) : 3;
        double[] rates = Arrays.stream((args.length > 8 ? args[8] : "1000,5000").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        Duration warmUp = Duration.ofSeconds(args.length > 9 ? Long.parseLong(args[9]) : 20);

        new ServingFixture(args[0], args[1]).apply(VIEW, VIEW, Path.of("src/main/resources/demo/transactions.odcs.yaml"));
        long seeding = System.nanoTime();
        ServingFixture.seed(args[2], args[3], args[4], VIEW, entities);
        print("seeded %,d entities × %d features in %.1f s", entities, ServingFixture.FEATURES,
                (System.nanoTime() - seeding) / 1e9);
        checkAnswers(args[0], args[1]);
        readEveryEntity(args[0], args[1], entities);

        List<Pair> pairs = pairs(entities);
        try (OpenLoopLoad load = new OpenLoopLoad(base.getHost(), base.getPort(), args[1], CONNECTIONS)) {
            for (Pair pair : pairs) {
                load.run(1000, warmUp, pair.baseline());
                load.run(1000, warmUp, pair.plumbline());
            }
            print("warmed up: %d s at 1,000 req/s on each endpoint; %d s per run, %d rounds, %d connections",
                    warmUp.toSeconds(), run.toSeconds(), rounds, CONNECTIONS);
            for (double rate : rates) {
                for (Pair pair : pairs) {
                    compare(load, pair, rate, run, rounds);
                }
            }
        }
        serverSideTimer(args[0]);
    }

    private static void compare(OpenLoopLoad load, Pair pair, double rate, Duration run, int rounds)
            throws InterruptedException {
        double[] ratios = new double[rounds];
        double[] plumblineP99 = new double[rounds], baselineP99 = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            OpenLoopLoad.Result baseline, plumbline;
            if (round % 2 == 0) {
                baseline = report("baseline", pair, rate, round, load.run(rate, run, pair.baseline()));
                plumbline = report("plumbline", pair, rate, round, load.run(rate, run, pair.plumbline()));
            } else {
                plumbline = report("plumbline", pair, rate, round, load.run(rate, run, pair.plumbline()));
                baseline = report("baseline", pair, rate, round, load.run(rate, run, pair.baseline()));
            }
            plumblineP99[round] = plumbline.p99Millis();
            baselineP99[round] = baseline.p99Millis();
            ratios[round] = plumbline.p99Millis() / baseline.p99Millis();
        }
        print("W5 %s at %,.0f req/s: P99 Plumbline %.2f ms, baseline %.2f ms (medians of %d rounds); "
                + "ratio of P99s %.2f (median of the rounds' ratios; goal <= 1.5, and Plumbline P99 <= 2 ms at 5k)",
                pair.kind(), rate, median(plumblineP99), median(baselineP99), rounds, median(ratios));
    }

    private static OpenLoopLoad.Result report(String side, Pair pair, double rate, int round, OpenLoopLoad.Result r) {
        print("%-6s %-9s %,6.0f req/s round %d | load %s | sent %,d of %,d (%,.0f/s) answered %,.0f/s | P50 %.2f ms P99 %.2f ms "
                + "max %.2f ms | send lag P99 %.2f ms max %.2f ms | %,d ok %,d failed %,d unanswered | %,d bytes",
                pair.kind(), side, rate, round + 1, loadAverage(), r.sent(), r.intended(), r.sentRate(), r.completedRate(), r.p50Millis(),
                r.p99Millis(), r.maxMillis(), r.sendLag().getValueAtPercentile(99) / 1000.0,
                r.sendLag().getMaxValue() / 1000.0, r.completed(), r.failed(), r.unanswered(), r.bodyBytes());
        return r;
    }

    private static List<Pair> pairs(int entities) {
        String one = "/api/features/" + VIEW + "/entities/";
        String batch = "/api/features/" + VIEW + "/entities";
        SplittableRandom random = new SplittableRandom(5);
        long[] singles = random.longs(BODIES, 0, entities).toArray();
        Buffer[] bodies = new Buffer[BODIES];
        for (int b = 0; b < BODIES; b++) {
            StringBuilder body = new StringBuilder("{\"entities\":[");
            for (int e = 0; e < BATCH; e++) {
                body.append(e == 0 ? "\"" : ",\"").append(ServingFixture.entity(random.nextInt(entities))).append('"');
            }
            bodies[b] = Buffer.buffer(body.append("]}").toString());
        }
        return List.of(
                new Pair("one", i -> new OpenLoopLoad.Call(HttpMethod.GET,
                        one + ServingFixture.entity(singles[(int) (i % BODIES)]), null),
                        i -> new OpenLoopLoad.Call(HttpMethod.GET, "/api/bench/serving-baseline/one", null)),
                new Pair("batch", i -> new OpenLoopLoad.Call(HttpMethod.POST, batch, bodies[(int) (i % BODIES)]),
                        i -> new OpenLoopLoad.Call(HttpMethod.POST, "/api/bench/serving-baseline/batch",
                                bodies[(int) (i % BODIES)])));
    }

    /**
     * Asks for every seeded entity once, in batches of 1,000, as a replica that has been serving for a while has:
     * the load then measures serving from its in-memory copy of the online table, not the copy's filling.
     */
    private static void readEveryEntity(String baseUrl, String token, int entities) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        for (int from = 0; from < entities; from += 1000) {
            StringBuilder body = new StringBuilder("{\"entities\":[");
            for (int e = from; e < Math.min(entities, from + 1000); e++) {
                body.append(e == from ? "\"" : ",\"").append(ServingFixture.entity(e)).append('"');
            }
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/features/" + VIEW
                    + "/entities")).header("Authorization", "Bearer " + token).header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("batch from entity " + from + ": " + r.statusCode());
            }
        }
        print("read every entity once (%,d batches of 1,000) in %.1f s", (entities + 999) / 1000,
                (System.nanoTime() - start) / 1e9);
    }

    /** The answers the load will get: served values of a seeded entity, none of an unknown one, the baseline's. */
    private static void checkAnswers(String baseUrl, String token) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/api/features/" + VIEW + "/entities/" + ServingFixture.entity(1),
                "/api/features/" + VIEW + "/entities/unknown-entity", "/api/bench/serving-baseline/one")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
            }
            print("GET %s: %d bytes: %s", path, r.body().length(),
                    r.body().length() > 160 ? r.body().substring(0, 160) + "…" : r.body());
        }
    }

    private static void serverSideTimer(String baseUrl) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        r.body().lines().filter(l -> l.startsWith("plumbline_feature_serving_seconds") && l.contains(VIEW)
                && (l.contains("quantile") || l.contains("_count") || l.contains("_max"))
                || l.startsWith("plumbline_feature_online_cache_total"))
                .forEach(l -> print("server side: %s", l));
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static void print(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
        System.out.flush();
    }
}
