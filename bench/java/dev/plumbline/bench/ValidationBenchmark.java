package dev.plumbline.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.contract.ActiveContract;
import dev.plumbline.demo.DemoEvent;
import dev.plumbline.ingest.Payload;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.validate.BatchEvaluation;
import dev.plumbline.validate.Check;
import dev.plumbline.validate.ContractChecks;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * W2: parsing and validating records with Plumbline (a micro-batch of staged records through
 * {@link BatchEvaluation}, against the demo's transactions contract) against parsing the same payloads alone
 * with Jackson's {@code readTree}, batch by batch in turn in one process. Prints records/s of each and their ratio.
 * Usage: {@code ValidationBenchmark [records=200000] [batch=1000] [rounds=5]}.
 */
public final class ValidationBenchmark {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    // Rounds run first and not counted, for the JIT compiler; it takes a while on a busy machine.
    private static final int WARM_UP = 5;

    private ValidationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        ActiveContract contract = DemoPayloads.contract("transactions");
        Check check = new ContractChecks().compile(contract.contract());
        String eventTime = contract.eventTimeField();
        List<Batch> batches = batches(DemoPayloads.events(records, Instant.now()), batch);
        System.out.printf(Locale.ROOT, "%d demo transactions (%d unreadable), %d constraints, batches of %d%n",
                records, batches.stream().flatMap(b -> b.staged().stream()).filter(r -> !r.payload().readable())
                        .count(), check.constraints().size(), batch);
        List<Double> ratios = new ArrayList<>();
        for (int round = 1 - WARM_UP; round <= rounds; round++) {
            long[] measured = round(batches, check, eventTime);
            double parsed = records / (measured[0] / 1e9), validated = records / (measured[1] / 1e9);
            System.out.printf(Locale.ROOT, "%s: Jackson readTree %.0f rec/s, Plumbline parse + validate %.0f rec/s,"
                    + " ratio %.2f; allocated per record %d / %d bytes%n", round <= 0 ? "warm-up" : "round " + round,
                    parsed, validated, validated / parsed, measured[2] / records, measured[3] / records);
            if (round > 0) {
                ratios.add(validated / parsed);
            }
        }
        System.out.printf(Locale.ROOT, "median ratio parse + validate / parse over %d rounds: %.2f (goal >= 0.7)%n",
                rounds, StagingBenchmark.median(ratios));
    }

    // The thread's CPU time, not the wall clock: on a shared two-core machine the wall clock mostly measures
    // who else was running; the bytes each side allocates do not depend on the load at all. Batches alternate
    // which side goes first. CPU nanoseconds of Jackson and Plumbline, then the bytes each allocated.
    private static long[] round(List<Batch> batches, Check check, String eventTime) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
        long[] measured = new long[4];
        long sink = 0;
        for (int i = 0; i < batches.size(); i++) {
            int first = i % 2;
            for (int side : new int[] {first, 1 - first}) {
                long bytes = allocation.getCurrentThreadAllocatedBytes();
                long started = threads.getCurrentThreadCpuTime();
                sink += side == 0 ? parse(batches.get(i)) : validate(batches.get(i), check, eventTime);
                measured[side] += threads.getCurrentThreadCpuTime() - started;
                measured[side + 2] += allocation.getCurrentThreadAllocatedBytes() - bytes;
            }
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println("unreachable, but keeps the results alive");
        }
        return measured;
    }

    // The baseline does what any consumer of these payloads must: turn each value into a tree, or fail to.
    private static long parse(Batch batch) throws IOException {
        long nodes = 0;
        for (byte[] value : batch.values()) {
            try {
                nodes += JACKSON.readTree(value).size();
            } catch (JsonProcessingException e) {
                nodes--;
            }
        }
        return nodes;
    }

    private static long validate(Batch batch, Check check, String eventTimeField) {
        return BatchEvaluation.of(batch.staged(), check, eventTimeField).rejected().size();
    }

    /** A micro-batch as validation claims it, and the same records' values as they came off the topic. */
    private record Batch(List<StagedRecord> staged, List<byte[]> values) {
    }

    private static List<Batch> batches(List<DemoEvent> events, int size) {
        List<Batch> batches = new ArrayList<>();
        Instant ingestedAt = Instant.now();
        for (int start = 0; start < events.size(); start += size) {
            List<StagedRecord> staged = new ArrayList<>(size);
            List<byte[]> values = new ArrayList<>(size);
            for (int n = start; n < Math.min(events.size(), start + size); n++) {
                DemoEvent event = events.get(n);
                staged.add(new StagedRecord(n, "transactions", 0, n, event.key(), Payload.read(event.value()),
                        ingestedAt));
                values.add(event.value());
            }
            batches.add(new Batch(staged, values));
        }
        return batches;
    }
}
