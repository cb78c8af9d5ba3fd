package dev.plumbline.bench;

import dev.plumbline.contract.ActiveContract;
import dev.plumbline.contract.OdcsContract;
import dev.plumbline.contract.OdcsParser;
import dev.plumbline.demo.DemoEvent;
import dev.plumbline.demo.IncidentScript;
import dev.plumbline.demo.TransactionStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's {@code transactions} stream and contract for benchmarks: the same records the demo publishes, with
 * its scripted incidents (missing customers, duplicates, out-of-range amounts, late events, malformed values,
 * unknown currencies), at the demo's 20 records a second of stream time.
 */
final class DemoPayloads {

    static final String CONTRACT = "demo/transactions.odcs.yaml";
    private static final int PER_SECOND = 20;

    private DemoPayloads() {
    }

    /** {@code count} record values as the demo stream would publish them, starting at {@code start}. */
    static List<DemoEvent> events(int count, Instant start) {
        TransactionStream stream = new TransactionStream(42, start, IncidentScript.every(Duration.ofSeconds(60)));
        List<DemoEvent> events = new ArrayList<>(count);
        for (Instant now = start; events.size() < count; now = now.plusSeconds(1)) {
            events.addAll(stream.next(now, Math.min(PER_SECOND, count - events.size())));
        }
        return events;
    }

    /** The demo contract, parsed, as the active contract of a dataset on {@code topic}. */
    static ActiveContract contract(String topic) {
        return new ActiveContract(1, topic, topic, 1, "1.0.0", new OdcsParser().parse(yaml()));
    }

    static String yaml() {
        try (InputStream in = DemoPayloads.class.getClassLoader().getResourceAsStream(CONTRACT)) {
            if (in == null) {
                throw new IllegalStateException(CONTRACT + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OdcsContract parsed() {
        return new OdcsParser().parse(yaml());
    }
}
