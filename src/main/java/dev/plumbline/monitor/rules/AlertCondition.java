package dev.plumbline.monitor.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A condition a rule finds true now, such as "PSI of transactions.amount is 0.43": its labels (with
 * {@code alertname}, {@code dataset}, {@code team}, {@code severity}) identify it across evaluations.
 */
public record AlertCondition(String rule, SortedMap<String, String> labels, double value, String summary,
        Duration forDuration) {

    public AlertCondition {
        labels = new TreeMap<>(labels);
        if (!labels.containsKey("severity")) {
            throw new IllegalArgumentException("an alert condition needs a severity label: " + labels);
        }
        labels.put("alertname", rule);
    }

    public static AlertCondition of(String rule, Map<String, String> labels, double value, String summary,
            Duration forDuration) {
        return new AlertCondition(rule, new TreeMap<>(labels), value, summary, forDuration);
    }

    public String severity() {
        return labels.get("severity");
    }

    /** The condition's identity: a hash of its rule and labels, never of its value or time. */
    public String fingerprint() {
        return fingerprint(labels);
    }

    public static String fingerprint(Map<String, String> labels) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(labels).forEach((name, value) -> text.append(name).append('\u0000').append(value).append('\u0001'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
