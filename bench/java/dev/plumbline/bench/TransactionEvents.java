package dev.plumbline.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Transactions shaped like the demo's, for the end-to-end benchmark: the event time is the moment of publishing,
 * so that the time from publishing to validation can be read off each record, and a fixed share is bad the
 * way the demo's incidents are (3% break a rule of the contract, 0.5% are not JSON at all).
 */
final class TransactionEvents {

    private static final String[] CURRENCIES = {"USD", "EUR", "GBP"};
    private static final String[] CATEGORIES = {"grocery", "travel", "electronics", "restaurants", "fuel", "other"};
    private static final String[] CHANNELS = {"web", "mobile", "pos"};
    private static final String[] COUNTRIES = {"US", "DE", "GB"};

    private final String run;

    /** Transactions whose ids start with {@code run}, so that runs on one topic never share an id. */
    TransactionEvents(String run) {
        this.run = run;
    }

    static String key(long n) {
        return String.format(Locale.ROOT, "cus-%05d", n % 5000);
    }

    /** The n-th transaction of the run, happening at {@code now}. */
    byte[] event(long n, Instant now) {
        int kind = (int) (n % 200);
        String customer = kind == 0 || kind == 100 ? "" : "\"customer_id\":\"" + key(n) + "\",";
        String currency = kind == 1 || kind == 101 ? "JPY" : CURRENCIES[(int) (n % 3)];
        String amount = kind == 2 || kind == 102 ? "2500000.00" : String.format(Locale.ROOT, "%d.%02d", n % 500,
                n % 100);
        String json = "{\"transaction_id\":\"" + run + "-" + n + "\"," + customer + "\"amount\":" + amount
                + ",\"currency\":\"" + currency + "\",\"event_time\":\"" + now + "\",\"merchant_category\":\""
                + CATEGORIES[(int) (n % 6)] + "\",\"channel\":\"" + CHANNELS[(int) (n % 3)] + "\",\"country\":\""
                + COUNTRIES[(int) (n % 3)] + "\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return kind == 3 ? Arrays.copyOf(bytes, bytes.length / 2) : bytes;
    }
}
