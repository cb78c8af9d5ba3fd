package dev.plumbline.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.monitor.rules.Alert;

/**
 * A Slack incoming-webhook message in Block Kit: a header, one section per alert, a link back. Text in
 * {@code mrkdwn} has {@code &}, {@code <} and {@code >} escaped as Slack asks, so alert text cannot forge a link
 * or a mention.
 */
final class SlackMessage {

    private SlackMessage() {
    }

    static String body(GroupNotification n) {
        ObjectNode message = PagerDutyMessage.JSON.createObjectNode();
        message.put("text", escape(n.title()));
        ArrayNode blocks = message.putArray("blocks");
        blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text").put("text", n.title());
        for (Alert alert : n.all()) {
            String state = alert.firing() ? ":red_circle: *Firing*" : ":large_green_circle: *Resolved*";
            blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                    .put("text", state + " " + escape(alert.summary()));
        }
        blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", "<" + escape(n.link()) + "|Open alerts in Plumbline>");
        return message.toString();
    }

    /** Slack's three control characters, as its formatting guide says to escape them. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
