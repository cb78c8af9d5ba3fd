package dev.plumbline.alert;

import dev.plumbline.access.AuditLog;
import dev.plumbline.monitor.rules.Alert;
import dev.plumbline.monitor.rules.AlertState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The "send test" of a receiver: one made-up info alert through the outbox like any other, and audited. */
@ApplicationScoped
public class TestNotification {

    static final String ALERTNAME = "PlumblineTest";

    private final Routing routing;
    private final Notifier notifier;
    private final AuditLog audit;

    public TestNotification(Routing routing, Notifier notifier, AuditLog audit) {
        this.routing = routing;
        this.notifier = notifier;
        this.audit = audit;
    }

    /** Enqueues a test message to every integration of the receiver; returns how many. */
    @Transactional
    public int send(String receiver, String actor, String remoteAddress, Instant now) {
        if (routing.config().receiver(receiver).isEmpty()) {
            throw new IllegalArgumentException("no receiver named '" + receiver + "'");
        }
        TreeMap<String, String> labels = new TreeMap<>(Map.of("alertname", ALERTNAME, "receiver", receiver,
                "severity", "info"));
        Alert alert = new Alert(0, "test-" + receiver, ALERTNAME, labels, "info", AlertState.FIRING,
                "Test notification from Plumbline, sent by " + actor, null, now, now, null, now);
        GroupNotification n = new GroupNotification(receiver, "test:" + receiver + ":" + now, labels, List.of(alert),
                List.of(), routing.externalUrl());
        int messages = notifier.enqueue(n, now);
        audit.record(actor, "receiver.test_sent", "receiver", receiver, Map.of("messages", messages), remoteAddress);
        return messages;
    }
}
