package dev.plumbline.alert;

import dev.plumbline.monitor.rules.Alert;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** What one aggregation group tells its receiver at one flush: the alerts firing and those just resolved. */
public record GroupNotification(String receiver, String groupKey, SortedMap<String, String> groupLabels,
        List<Alert> firing, List<Alert> resolved, String externalUrl) {

    static final List<String> SEVERITIES = List.of("critical", "error", "warning", "info");

    public String status() {
        return firing.isEmpty() ? "resolved" : "firing";
    }

    /** Stable for the group's whole life: a hash of its identity (receiver, route, group labels), never a time. */
    public String dedupKey() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(groupKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Alert> all() {
        List<Alert> all = new ArrayList<>(firing);
        all.addAll(resolved);
        return all;
    }

    /** The labels every alert of the notification shares. */
    public SortedMap<String, String> commonLabels() {
        SortedMap<String, String> common = new TreeMap<>(all().get(0).labels());
        all().forEach(alert -> common.entrySet().removeIf(e -> !e.getValue().equals(alert.labels().get(e.getKey()))));
        return common;
    }

    /** The most severe severity among the firing alerts (else the resolved ones), in PagerDuty's four words. */
    public String severity() {
        List<Alert> judged = firing.isEmpty() ? resolved : firing;
        return SEVERITIES.stream().filter(s -> judged.stream().anyMatch(a -> s.equals(a.severity()))).findFirst()
                .orElse(judged.stream().anyMatch(a -> !SEVERITIES.contains(a.severity())) ? "error" : "info");
    }

    /** e.g. {@code [FIRING:2] DistributionDrift dataset=transactions}. */
    public String title() {
        StringBuilder title = new StringBuilder("[").append(status().toUpperCase()).append(':')
                .append(firing.isEmpty() ? resolved.size() : firing.size()).append(']');
        String name = commonLabels().get("alertname");
        if (name != null) {
            title.append(' ').append(name);
        }
        for (Map.Entry<String, String> label : groupLabels.entrySet()) {
            if (!label.getKey().equals("alertname")) {
                title.append(' ').append(label.getKey()).append('=').append(label.getValue());
            }
        }
        return title.toString();
    }

    public String link() {
        return externalUrl + "/alerts";
    }
}
