package dev.plumbline.alert;

import dev.plumbline.contract.DurationText;
import dev.plumbline.monitor.rules.AdvisoryLocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Posts the outbox's due notifications, one replica at a time (an advisory lock while leasing them): a 2xx
 * acknowledges one; 408, 429, 5xx and network errors are retried with exponential backoff or after the
 * receiver's {@code Retry-After}; other answers, and notifications older than the maximum age, fail for good
 * with the reason kept. Delivery is at least once: a crash between a 2xx and its recording sends again.
 */
@ApplicationScoped
public class OutboxSender {

    static final int BATCH = 50;

    private final Outbox outbox;
    private final AdvisoryLocks locks;
    private final Routing routing;
    private final DeliveryConfig config;
    private final HttpClient http;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;

    public OutboxSender(Outbox outbox, AdvisoryLocks locks, Routing routing, DeliveryConfig config) {
        this.outbox = outbox;
        this.locks = locks;
        this.routing = routing;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${plumbline.alert.delivery.interval:2s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!stopping) {
            sendDue(clock.instant());
        }
    }

    /** Sends every notification due at {@code now}; returns how many were acknowledged. */
    public int sendDue(Instant now) {
        Instant leaseUntil = now.plus(config.timeout().multipliedBy(3));
        List<Notification> due = QuarkusTransaction.requiringNew().call(() ->
                locks.tryForTransaction(AdvisoryLocks.ALERT_DELIVERY) ? outbox.lease(now, leaseUntil, BATCH) : List.of());
        return (int) due.stream().filter(n -> send(n, now)).count();
    }

    private boolean send(Notification n, Instant now) {
        Integer status = null;
        String error;
        Optional<String> retryAfter = Optional.empty();
        try {
            HttpResponse<String> response = http.send(request(n), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status / 100 == 2) {
                outbox.sent(n.id(), status, now);
                return true;
            }
            retryAfter = status == 429 || status == 503 ? response.headers().firstValue("Retry-After") : Optional.empty();
            error = "HTTP " + status + abbreviate(response.body());
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        failedAttempt(n, status, error, retryAfter, now);
        return false;
    }

    private void failedAttempt(Notification n, Integer status, String error, Optional<String> retryAfter,
            Instant now) {
        RetryPolicy policy = new RetryPolicy(config.initialBackoff(), config.maxBackoff());
        Duration wait = policy.retryAfter(retryAfter, now).orElse(policy.backoff(n.attempts() + 1));
        Instant next = now.plus(wait);
        if (!RetryPolicy.retryable(status)) {
            outbox.failed(n.id(), status, error + " (not retried)");
        } else if (next.isAfter(n.createdAt().plus(config.maxAge()))) {
            outbox.failed(n.id(), status, "gave up after " + (n.attempts() + 1) + " attempts in "
                    + DurationText.format(config.maxAge()) + ": " + error);
        } else {
            outbox.retry(n.id(), status, error, next);
        }
    }

    private HttpRequest request(Notification n) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(n.url())).timeout(config.timeout())
                .header("Content-Type", "application/json").header("User-Agent", "Plumbline")
                .POST(HttpRequest.BodyPublishers.ofString(n.body()));
        if (n.kind().equals("webhook")) {
            String secret = routing.config().receiver(n.receiver()).flatMap(r -> r.webhooks().stream()
                    .filter(w -> w.url().equals(n.url())).findFirst()).map(Receiver.Webhook::secret)
                    .orElseThrow(() -> new IllegalArgumentException("no webhook " + n.url() + " in receiver "
                            + n.receiver() + " any more, so no secret to sign with"));
            long timestamp = clock.instant().getEpochSecond();
            request.header(WebhookMessage.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookMessage.SIGNATURE_HEADER, WebhookMessage.signature(secret, timestamp, n.body()));
        }
        return request.build();
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }
}
