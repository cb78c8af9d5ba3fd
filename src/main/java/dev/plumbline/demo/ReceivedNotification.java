package dev.plumbline.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.alert.WebhookMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * One notification that reached the demo receiver, read as its receiver would read it: what happened (trigger,
 * resolve, firing, resolved), the incident key, the summary, and for a signed webhook whether the signature holds.
 */
public record ReceivedNotification(long seq, Instant receivedAt, String kind, String action, String key,
        String summary, String signature, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHORT_KEY = 12;

    /** The key's first characters, enough to tell incidents apart on the page. */
    public String shortKey() {
        return key.length() > SHORT_KEY ? key.substring(0, SHORT_KEY) + "…" : key;
    }

    /** Reads a body posted to the receiver's {@code kind} endpoint; a body that is not JSON is kept as it came. */
    static ReceivedNotification read(long seq, Instant at, String kind, String body, String timestamp,
            String signature, String secret) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return new ReceivedNotification(seq, at, kind, "not JSON", "", "", "", body);
        }
        String pretty = json.toPrettyString();
        return switch (kind) {
            case "pagerduty" -> new ReceivedNotification(seq, at, kind, json.path("event_action").asText(),
                    json.path("dedup_key").asText(), json.at("/payload/summary").asText(), "", pretty);
            case "webhook" -> new ReceivedNotification(seq, at, kind, json.path("status").asText(),
                    json.path("groupKey").asText(), json.path("alerts").findValuesAsText("summary").toString(),
                    verify(secret, timestamp, signature, body), pretty);
            default -> new ReceivedNotification(seq, at, kind, "message", "", json.path("text").asText(), "",
                    pretty);
        };
    }

    // As a receiver should: recompute over the body as received, compare in constant time.
    private static String verify(String secret, String timestamp, String signature, String body) {
        if (timestamp == null || signature == null) {
            return "unsigned";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "bad timestamp";
        }
        byte[] expected = WebhookMessage.signature(secret, seconds, body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8)) ? "valid" : "invalid";
    }
}
