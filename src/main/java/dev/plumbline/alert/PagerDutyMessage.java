package dev.plumbline.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.monitor.rules.Alert;

/**
 * A PagerDuty Events API v2 event for a group: {@code trigger} while any of its alerts fires, {@code resolve}
 * once none does, both under the group's stable {@code dedup_key} so PagerDuty keeps one incident.
 */
final class PagerDutyMessage {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_SUMMARY = 1024;

    private PagerDutyMessage() {
    }

    static String body(Receiver.PagerDuty config, GroupNotification n) {
        ObjectNode event = JSON.createObjectNode();
        event.put("routing_key", config.routingKey());
        event.put("event_action", n.firing().isEmpty() ? "resolve" : "trigger");
        event.put("dedup_key", n.dedupKey());
        if (n.firing().isEmpty()) {
            return event.toString();
        }
        ObjectNode payload = event.putObject("payload");
        String summary = n.title() + ": " + n.firing().get(0).summary();
        payload.put("summary", summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY - 1) + "…" : summary);
        payload.put("source", "plumbline");
        payload.put("severity", n.severity());
        ObjectNode details = payload.putObject("custom_details");
        details.put("firing", n.firing().size());
        details.put("resolved", n.resolved().size());
        n.groupLabels().forEach(details.putObject("group_labels")::put);
        ArrayNode alerts = details.putArray("alerts");
        n.all().forEach(alert -> alerts.add(alert(alert)));
        event.put("client", "Plumbline");
        event.put("client_url", n.link());
        event.putArray("links").addObject().put("href", n.link()).put("text", "Alerts in Plumbline");
        return event.toString();
    }

    private static ObjectNode alert(Alert alert) {
        ObjectNode node = JSON.createObjectNode();
        node.put("status", alert.state().key());
        node.put("summary", alert.summary());
        alert.labels().forEach(node.putObject("labels")::put);
        return node;
    }
}
