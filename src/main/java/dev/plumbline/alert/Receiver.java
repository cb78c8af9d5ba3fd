package dev.plumbline.alert;

import java.util.List;

/** A named destination of notifications, with any number of PagerDuty, Slack and webhook integrations. */
public record Receiver(String name, List<PagerDuty> pagerduty, List<Slack> slack, List<Webhook> webhooks) {

    /** PagerDuty Events API v2: the integration's routing key and the events URL. */
    public record PagerDuty(String routingKey, String url) {
    }

    /** A Slack incoming webhook. */
    public record Slack(String url) {
    }

    /** A generic webhook, each body signed with HMAC-SHA256 under the secret. */
    public record Webhook(String url, String secret) {
    }

    public boolean isEmpty() {
        return pagerduty.isEmpty() && slack.isEmpty() && webhooks.isEmpty();
    }
}
