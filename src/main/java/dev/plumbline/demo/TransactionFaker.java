package dev.plumbline.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Draws transactions that satisfy the demo contract, from a pool of customers with skewed activity. */
final class TransactionFaker {

    static final int CUSTOMERS = 300;

    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);
    private static final double ACTIVITY_SKEW = 2.5;
    private static final double TRAVEL_ABROAD = 0.3;
    private static final int MAX_DELAY_MILLIS = 2_500;
    private static final List<Home> HOMES = List.of(
            new Home("USD", "US"), new Home("EUR", "DE"), new Home("EUR", "FR"), new Home("EUR", "NL"),
            new Home("EUR", "ES"), new Home("GBP", "GB"));

    private final Random random;
    private final int runTag;
    private final List<Customer> customers;
    private long sequence;

    /**
     * Draws from {@code random}; {@code runTag} goes into every transaction id so that two runs with the same
     * seed do not reuse ids.
     */
    TransactionFaker(Random random, int runTag) {
        this.random = random;
        this.runTag = runTag;
        this.customers = new ArrayList<>(CUSTOMERS);
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(new Customer(String.format(Locale.ROOT, "cus-%05d", i + 1), drawHome()));
        }
    }

    static String formatTime(Instant instant) {
        return EVENT_TIME.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A valid transaction that happened up to a few seconds before {@code now}. */
    ObjectNode next(Instant now) {
        Customer customer = customers.get((int) (CUSTOMERS * Math.pow(random.nextDouble(), ACTIVITY_SKEW)));
        MerchantCategory category = MerchantCategory.draw(random);
        Home where = category == MerchantCategory.TRAVEL && random.nextDouble() < TRAVEL_ABROAD
                ? HOMES.get(random.nextInt(HOMES.size()))
                : customer.home();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("transaction_id", nextTransactionId());
        node.put("customer_id", customer.id());
        node.put("amount", category.drawAmount(random));
        node.put("currency", where.currency());
        node.put("event_time", formatTime(now.minusMillis(1 + random.nextInt(MAX_DELAY_MILLIS))));
        node.put("merchant_category", category.jsonName());
        node.put("channel", category.drawChannel(random));
        node.put("country", where.country());
        return node;
    }

    private String nextTransactionId() {
        sequence++;
        int suffix = (runTag ^ (int) ((sequence * 0x9E3779B97F4A7C15L) >>> 48)) & 0xFFFF;
        return String.format(Locale.ROOT, "tx-%06d-%04x", sequence, suffix);
    }

    private Home drawHome() {
        double draw = random.nextDouble();
        if (draw < 0.7) {
            return HOMES.get(0);
        }
        return draw < 0.9 ? HOMES.get(1 + random.nextInt(4)) : HOMES.get(5);
    }

    private record Home(String currency, String country) {
    }

    private record Customer(String id, Home home) {
    }
}
