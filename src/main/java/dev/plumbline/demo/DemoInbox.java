package dev.plumbline.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What the demo receiver was sent, newest first, in memory: the latest {@value #KEPT} notifications of this run of
 * the demo (a restart starts empty; the outbox's delivery log on /alerts keeps the history).
 */
@ApplicationScoped
@Named("demoInbox")
public class DemoInbox {

    static final int KEPT = 200;

    private final DemoConfig config;
    private final Deque<ReceivedNotification> received = new ArrayDeque<>();
    private long seq;

    public DemoInbox(DemoConfig config) {
        this.config = config;
    }

    /** Whether the demo receiver is on (with the demo); the layout links it only then. */
    public boolean enabled() {
        return config.receiverEnabled();
    }

    synchronized ReceivedNotification add(Instant at, String kind, String body, String timestamp, String signature) {
        ReceivedNotification n = ReceivedNotification.read(++seq, at, kind, body, timestamp, signature,
                config.receiverSecret());
        received.addFirst(n);
        while (received.size() > KEPT) {
            received.removeLast();
        }
        return n;
    }

    synchronized List<ReceivedNotification> newest() {
        return List.copyOf(received);
    }
}
