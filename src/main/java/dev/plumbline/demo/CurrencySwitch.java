package dev.plumbline.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * The demo's scripted semantic-drift incident: {@code after} the stream starts, and again every {@code every},
 * an upstream release sends {@code amount} in euro cents instead of US dollars for {@code lasting}, then
 * recovers. The contract declares {@code amount} in USD, so PSI and the unit watch are the ones to notice.
 */
public record CurrencySwitch(Duration after, Duration lasting, Duration every) {

    /** Euro cents per US dollar, at 0.92 euros to the dollar. */
    static final BigDecimal EURO_CENTS_PER_DOLLAR = new BigDecimal("92");

    /** No switch at all: the stream always sends dollars. */
    public static final CurrencySwitch NEVER = new CurrencySwitch(Duration.ZERO, Duration.ZERO, Duration.ofDays(1));

    public CurrencySwitch {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(lasting, "lasting");
        Objects.requireNonNull(every, "every");
        if (after.isNegative() || lasting.isNegative() || lasting.compareTo(every) > 0 || every.isZero()
                || every.isNegative()) {
            throw new IllegalArgumentException("a currency switch needs 0 <= after, 0 <= lasting <= every and every > 0;"
                    + " got after " + after + ", lasting " + lasting + ", every " + every);
        }
    }

    /** Whether amounts go out in euro cents {@code elapsed} after the stream started. */
    public boolean activeAt(Duration elapsed) {
        if (elapsed.compareTo(after) < 0) {
            return false;
        }
        long offset = elapsed.minus(after).toMillis() % every.toMillis();
        return offset < lasting.toMillis();
    }

    /** The schedule in words, for the log. */
    String describe() {
        return "amount in euro cents instead of US dollars " + after.toSeconds() + " s after the start, for "
                + lasting.toSeconds() + " s, every " + every.toSeconds() + " s";
    }

    /** The transaction with its dollar amount re-expressed in euro cents (whole cents). */
    static ObjectNode toEuroCents(ObjectNode transaction) {
        BigDecimal dollars = transaction.get("amount").decimalValue();
        transaction.put("amount", dollars.multiply(EURO_CENTS_PER_DOLLAR).setScale(0, RoundingMode.HALF_UP));
        return transaction;
    }
}
