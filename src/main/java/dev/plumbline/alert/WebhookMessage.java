package dev.plumbline.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.monitor.rules.Alert;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The generic webhook's body (shaped like Alertmanager's webhook, version "1") and its signature:
 * {@code X-Plumbline-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>} with the Unix
 * seconds in {@code X-Plumbline-Timestamp}.
 */
public final class WebhookMessage {

    public static final String TIMESTAMP_HEADER = "X-Plumbline-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Plumbline-Signature";

    private WebhookMessage() {
    }

    static String body(GroupNotification n) {
        ObjectNode body = PagerDutyMessage.JSON.createObjectNode();
        body.put("version", "1");
        body.put("groupKey", n.dedupKey());
        body.put("status", n.status());
        body.put("receiver", n.receiver());
        n.groupLabels().forEach(body.putObject("groupLabels")::put);
        n.commonLabels().forEach(body.putObject("commonLabels")::put);
        body.put("externalURL", n.link());
        ArrayNode alerts = body.putArray("alerts");
        for (Alert alert : n.all()) {
            ObjectNode node = alerts.addObject();
            node.put("status", alert.firing() ? "firing" : "resolved");
            alert.labels().forEach(node.putObject("labels")::put);
            node.put("summary", alert.summary());
            node.put("value", alert.value());
            node.put("startsAt", alert.activeSince().toString());
            node.put("endsAt", alert.resolvedAt() == null ? null : alert.resolvedAt().toString());
            node.put("fingerprint", alert.fingerprint());
        }
        return body.toString();
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp + "." + body} under the secret. */
    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
