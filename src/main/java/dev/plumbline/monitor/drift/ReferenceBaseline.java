package dev.plumbline.monitor.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.validate.analyzers.NumericBaseline;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A drift baseline computed from a reference (an uploaded file or a past window of accepted records), written in
 * the form a contract's {@code baseline} kwarg takes, to be proposed in a contract version and approved with it.
 * It is an authoring aid: validation only ever reads the baseline frozen in the active contract.
 */
public final class ReferenceBaseline {

    /** Numbers in quantile bins, or categories with their shares. */
    public enum Kind { NUMERIC, CATEGORICAL }

    private static final int SHARE_SCALE = 6;

    private final Kind kind;
    private final int bins;
    private final List<Double> numbers = new ArrayList<>();
    private final Map<String, Long> categories = new LinkedHashMap<>();
    private long nulls;
    private long values;

    public ReferenceBaseline(Kind kind, int bins) {
        if (bins < 2 || bins > 100) {
            throw new IllegalArgumentException("bins must be between 2 and 100, got " + bins);
        }
        this.kind = kind;
        this.bins = bins;
    }

    /** Adds one reference value; {@code where} names it in the refusal of a value that does not fit the kind. */
    public void add(JsonNode value, String where) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            nulls++;
            return;
        }
        values++;
        if (kind == Kind.CATEGORICAL) {
            if (!value.isValueNode()) {
                throw new IllegalArgumentException(where + ": a category must be a string, number or boolean, got "
                        + value);
            }
            categories.merge(value.asText(), 1L, Long::sum);
        } else if (value.isNumber() || value.isTextual() && isNumber(value.asText())) {
            numbers.add(value.isNumber() ? value.doubleValue() : Double.parseDouble(value.asText().strip()));
        } else {
            throw new IllegalArgumentException(where + ": " + value + " is not a number");
        }
    }

    public long values() {
        return values;
    }

    public long nulls() {
        return nulls;
    }

    /** The baseline as the contract writes it: edges and shares, or categories and shares, and null_share. */
    public ObjectNode toKwarg() {
        if (values == 0) {
            throw new IllegalArgumentException("the reference has no values (" + nulls + " nulls): nothing to compare "
                    + "batches with");
        }
        ObjectNode baseline = JsonNodeFactory.instance.objectNode();
        List<Double> shares = new ArrayList<>();
        if (kind == Kind.NUMERIC) {
            NumericBaseline numeric = NumericBaseline.ofQuantiles(numbers, nulls, bins);
            numeric.edges().forEach(baseline.putArray("edges")::add);
            shares.addAll(numeric.shares());
        } else {
            List<Map.Entry<String, Long>> byCount = new ArrayList<>(categories.entrySet());
            byCount.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()));
            byCount.forEach(e -> baseline.withArray("categories").add(e.getKey()));
            byCount.forEach(e -> shares.add(e.getValue() / (double) (values + nulls)));
        }
        List<BigDecimal> rounded = rounded(shares, nulls / (double) (values + nulls));
        rounded.subList(0, shares.size()).forEach(baseline.putArray("shares")::add);
        baseline.put("null_share", rounded.get(shares.size()));
        return baseline;
    }

    // Rounded shares (and the null share, last) that still sum to exactly 1: the largest takes the remainder.
    private static List<BigDecimal> rounded(List<Double> shares, double nullShare) {
        List<BigDecimal> all = new ArrayList<>();
        shares.forEach(s -> all.add(BigDecimal.valueOf(s).setScale(SHARE_SCALE, RoundingMode.HALF_UP)));
        all.add(BigDecimal.valueOf(nullShare).setScale(SHARE_SCALE, RoundingMode.HALF_UP));
        BigDecimal remainder = BigDecimal.ONE.subtract(all.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        int largest = 0;
        for (int i = 1; i < all.size(); i++) {
            largest = all.get(i).compareTo(all.get(largest)) > 0 ? i : largest;
        }
        all.set(largest, all.get(largest).add(remainder));
        return all.stream().map(BigDecimal::stripTrailingZeros).toList();
    }

    private static boolean isNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
