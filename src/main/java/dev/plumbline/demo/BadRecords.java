package dev.plumbline.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

/** Turns a valid transaction into the bad record of one incident kind; duplicates are the stream's business. */
final class BadRecords {

    static final BigDecimal HUGE_AMOUNT = new BigDecimal("2500000.00");
    static final Duration MIN_LATENESS = Duration.ofHours(2);
    static final Duration MAX_LATENESS = Duration.ofDays(3);

    private static final byte[] AVRO_MAGIC = {'O', 'b', 'j', 1};
    private static final int BINARY_BODY = 12;

    private final Random random;

    BadRecords(Random random) {
        this.random = random;
    }

    DemoEvent nullCustomer(ObjectNode transaction) {
        if (random.nextBoolean()) {
            transaction.putNull("customer_id");
        } else {
            transaction.remove("customer_id");
        }
        return event(null, transaction, IncidentKind.NULL_CUSTOMER);
    }

    DemoEvent amountOutOfRange(ObjectNode transaction) {
        BigDecimal amount = transaction.get("amount").decimalValue();
        transaction.put("amount", random.nextBoolean() ? amount.negate() : HUGE_AMOUNT);
        return event(transaction, IncidentKind.AMOUNT_OUT_OF_RANGE);
    }

    DemoEvent late(ObjectNode transaction, Instant now) {
        long spanMillis = MAX_LATENESS.minus(MIN_LATENESS).toMillis();
        Duration lateness = MIN_LATENESS.plusMillis((long) (random.nextDouble() * spanMillis));
        transaction.put("event_time", TransactionFaker.formatTime(now.minus(lateness)));
        return event(transaction, IncidentKind.LATE_EVENT);
    }

    DemoEvent unknownCurrency(ObjectNode transaction) {
        transaction.put("currency", "JPY");
        transaction.put("country", "JP");
        return event(transaction, IncidentKind.UNKNOWN_CURRENCY);
    }

    /** A truncated object, a line of plain text, or binary bytes from a producer that wrote Avro by mistake. */
    DemoEvent malformed(ObjectNode transaction) {
        String key = transaction.get("customer_id").asText();
        byte[] value = switch (random.nextInt(3)) {
            case 0 -> truncated(bytes(transaction));
            case 1 -> ("ERROR serializer timeout for " + transaction.get("transaction_id").asText())
                    .getBytes(StandardCharsets.UTF_8);
            default -> binary();
        };
        return new DemoEvent(key, value, IncidentKind.MALFORMED_JSON);
    }

    static byte[] bytes(ObjectNode transaction) {
        return transaction.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] truncated(byte[] json) {
        int half = json.length / 2;
        return Arrays.copyOf(json, half + random.nextInt(json.length - 1 - half));
    }

    private byte[] binary() {
        byte[] value = Arrays.copyOf(AVRO_MAGIC, AVRO_MAGIC.length + BINARY_BODY);
        byte[] body = new byte[BINARY_BODY];
        random.nextBytes(body);
        System.arraycopy(body, 0, value, AVRO_MAGIC.length, BINARY_BODY);
        return value;
    }

    private static DemoEvent event(ObjectNode transaction, IncidentKind kind) {
        return event(transaction.get("customer_id").asText(), transaction, kind);
    }

    private static DemoEvent event(String key, ObjectNode transaction, IncidentKind kind) {
        return new DemoEvent(key, bytes(transaction), kind);
    }
}
