package dev.plumbline.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

/**
 * The demo {@code transactions} stream: normal records, with a share of bad ones while the {@link IncidentScript}
 * has an incident active. Deterministic: the same seed, start and calls give the same records.
 */
public final class TransactionStream {

    static final int RECENT = 64;

    private final Instant start;
    private final IncidentScript script;
    private final Predicate<Duration> inEuroCents;
    private final Random random;
    private final TransactionFaker faker;
    private final BadRecords bad;
    private final List<DemoEvent> recent = new ArrayList<>(RECENT);
    private int recentCursor;

    public TransactionStream(long seed, Instant start, IncidentScript script) {
        this(seed, start, script, CurrencySwitch.NEVER::activeAt);
    }

    /**
     * A stream whose normal records carry their amount in euro cents whenever {@code inEuroCents} holds for the
     * time elapsed since {@code start}: the demo's {@link CurrencySwitch} schedule, or a test's own switch.
     */
    public TransactionStream(long seed, Instant start, IncidentScript script, Predicate<Duration> inEuroCents) {
        this.start = Objects.requireNonNull(start, "start");
        this.script = Objects.requireNonNull(script, "script");
        this.inEuroCents = Objects.requireNonNull(inEuroCents, "inEuroCents");
        this.random = new Random(seed);
        this.faker = new TransactionFaker(random, runTag(start));
        this.bad = new BadRecords(random);
    }

    /** The incident active at {@code now}, if any. */
    public Optional<IncidentKind> incidentAt(Instant now) {
        return script.activeAt(Duration.between(start, now));
    }

    /** Whether the normal records published at {@code now} carry their amount in euro cents. */
    public boolean inEuroCentsAt(Instant now) {
        return inEuroCents.test(Duration.between(start, now));
    }

    /** The next {@code count} records, as published at {@code now}. */
    public List<DemoEvent> next(Instant now, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Optional<IncidentKind> incident = incidentAt(now);
        boolean euroCents = inEuroCentsAt(now);
        List<DemoEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean makeBad = incident.isPresent() && random.nextDouble() < script.share();
            events.add(makeBad ? bad(incident.get(), now) : normal(now, euroCents));
        }
        return events;
    }

    private DemoEvent normal(Instant now, boolean euroCents) {
        ObjectNode transaction = euroCents ? CurrencySwitch.toEuroCents(faker.next(now)) : faker.next(now);
        DemoEvent event = DemoEvent.normal(transaction.get("customer_id").asText(), BadRecords.bytes(transaction));
        if (recent.size() < RECENT) {
            recent.add(event);
        } else {
            recent.set(recentCursor, event);
            recentCursor = (recentCursor + 1) % RECENT;
        }
        return event;
    }

    private DemoEvent bad(IncidentKind kind, Instant now) {
        return switch (kind) {
            case NULL_CUSTOMER -> bad.nullCustomer(faker.next(now));
            case DUPLICATE_ID -> duplicate(now);
            case AMOUNT_OUT_OF_RANGE -> bad.amountOutOfRange(faker.next(now));
            case LATE_EVENT -> bad.late(faker.next(now), now);
            case MALFORMED_JSON -> bad.malformed(faker.next(now));
            case UNKNOWN_CURRENCY -> bad.unknownCurrency(faker.next(now));
        };
    }

    /** A byte-for-byte re-send of a recent normal record, as a producer retrying after a lost ack would do. */
    private DemoEvent duplicate(Instant now) {
        if (recent.isEmpty()) {
            return normal(now, false);
        }
        DemoEvent original = recent.get(random.nextInt(recent.size()));
        return new DemoEvent(original.key(), original.value().clone(), IncidentKind.DUPLICATE_ID);
    }

    private static int runTag(Instant start) {
        long mixed = start.toEpochMilli() * 0xBF58476D1CE4E5B9L;
        return (int) (mixed ^ (mixed >>> 32));
    }
}
