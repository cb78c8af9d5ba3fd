package dev.plumbline.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Random;

/** A merchant category of the demo stream, with how often it occurs and what a typical purchase costs. */
enum MerchantCategory {

    GROCERY(30, 42.0, true),
    RESTAURANTS(25, 28.0, true),
    FUEL(15, 48.0, true),
    OTHER(14, 25.0, false),
    ELECTRONICS(9, 95.0, false),
    TRAVEL(7, 160.0, false);

    private static final int TOTAL_WEIGHT = 100;
    private static final double SPREAD = 0.7;
    private static final BigDecimal MIN_AMOUNT = new BigDecimal("1.00");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("20000.00");

    private final int weight;
    private final double medianAmount;
    private final boolean inPerson;

    MerchantCategory(int weight, double medianAmount, boolean inPerson) {
        this.weight = weight;
        this.medianAmount = medianAmount;
        this.inPerson = inPerson;
    }

    static MerchantCategory draw(Random random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (MerchantCategory category : values()) {
            ticket -= category.weight;
            if (ticket < 0) {
                return category;
            }
        }
        throw new IllegalStateException("category weights do not add up to " + TOTAL_WEIGHT);
    }

    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A log-normal amount around this category's median, in cents, within 1.00..20000.00. */
    BigDecimal drawAmount(Random random) {
        double amount = medianAmount * Math.exp(SPREAD * random.nextGaussian());
        BigDecimal cents = BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
        return cents.max(MIN_AMOUNT).min(MAX_AMOUNT);
    }

    /** Web, mobile or pos, with pos common where people pay in person. */
    String drawChannel(Random random) {
        int ticket = random.nextInt(100);
        if (inPerson) {
            return ticket < 60 ? "pos" : ticket < 90 ? "mobile" : "web";
        }
        return ticket < 45 ? "web" : ticket < 95 ? "mobile" : "pos";
    }
}
