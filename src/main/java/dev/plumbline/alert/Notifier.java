package dev.plumbline.alert;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Turns a group's notification into one outbox row per integration of its receiver. */
@ApplicationScoped
public class Notifier {

    private final Routing routing;
    private final Outbox outbox;

    public Notifier(Routing routing, Outbox outbox) {
        this.routing = routing;
        this.outbox = outbox;
    }

    /** Enqueues the notification; returns how many messages that made (none for a receiver without integrations). */
    public int enqueue(GroupNotification n, Instant now) {
        Receiver receiver = routing.config().receiver(n.receiver()).orElse(null);
        if (receiver == null) {
            return 0;
        }
        String title = n.title();
        receiver.pagerduty().forEach(pd -> outbox.enqueue(n.receiver(), "pagerduty", pd.url(), n.groupKey(), title,
                PagerDutyMessage.body(pd, n), now));
        receiver.slack().forEach(slack -> outbox.enqueue(n.receiver(), "slack", slack.url(), n.groupKey(), title,
                SlackMessage.body(n), now));
        receiver.webhooks().forEach(hook -> outbox.enqueue(n.receiver(), "webhook", hook.url(), n.groupKey(), title,
                WebhookMessage.body(n), now));
        return receiver.pagerduty().size() + receiver.slack().size() + receiver.webhooks().size();
    }
}
