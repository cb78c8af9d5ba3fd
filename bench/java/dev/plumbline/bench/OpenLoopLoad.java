package dev.plumbline.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-loop HTTP load generator: request i is due at start + i / rate whatever happened to the ones before,
 * and its latency is measured from that due instant to the last byte of its answer, so a stalled server or
 * client shows as latency instead of as fewer requests (no coordinated omission). One pacing thread hands each
 * request to a Vert.x client on one event loop over a pool of keep-alive HTTP/1.1 connections.
 */
final class OpenLoopLoad implements AutoCloseable {

    /** One request: its method, path and body (null for none). */
    record Call(HttpMethod method, String uri, Buffer body) {
    }

    /**
     * What a run measured. Latencies in microseconds from the due instant; {@code sendLag} is how late the pacing
     * thread handed requests to the client (its own lateness, which also shows in the latencies).
     */
    record Result(long intended, long sent, long completed, long failed, long unanswered, double intendedRate,
            double sentRate, double completedRate, Histogram latency, Histogram sendLag, long bodyBytes) {

        double p50Millis() {
            return latency.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return latency.getValueAtPercentile(99) / 1000.0;
        }

        double maxMillis() {
            return latency.getMaxValue() / 1000.0;
        }
    }

    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpClientOptions options;
    private final PoolOptions pool;
    private final String authorization;
    private HttpClient client;

    OpenLoopLoad(String host, int port, String token, int connections) {
        this.options = new HttpClientOptions().setDefaultHost(host).setDefaultPort(port).setKeepAlive(true)
                .setTcpNoDelay(true);
        this.pool = new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1);
        this.authorization = "Bearer " + token;
        this.client = vertx.createHttpClient(options, pool);
    }

    /**
     * Sends {@code rate} requests a second for {@code duration}, request i being {@code calls.apply(i)}. A run
     * whose unanswered requests reach two seconds' worth stops sending (the server does not keep up), and the
     * requests still unanswered {@link #DRAIN} after the last was sent are given up with their connections, so
     * no run inherits another's backlog.
     */
    Result run(double rate, Duration duration, LongFunction<Call> calls) throws InterruptedException {
        long total = Math.round(rate * duration.toNanos() / 1e9);
        Recorder latency = new Recorder(3);
        Histogram sendLag = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong completed = new AtomicLong(), failed = new AtomicLong(), bytes = new AtomicLong();
        CountDownLatch done = new CountDownLatch((int) total);
        double periodNanos = 1e9 / rate;
        long start = System.nanoTime() + 1_000_000;
        long lastSent = start;
        long sent = 0;
        for (long i = 0; i < total; i++, sent++) {
            if (sent - completed.get() - failed.get() > 2 * rate) {
                break;
            }
            long due = start + (long) (i * periodNanos);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            lastSent = System.nanoTime();
            sendLag.recordValue(Math.min((lastSent - due) / 1000, sendLag.getHighestTrackableValue()));
            send(calls.apply(i), due, latency, completed, failed, bytes, done);
        }
        double sendSeconds = (lastSent - start + periodNanos) / 1e9;
        for (long i = sent; i < total; i++) {
            done.countDown();
        }
        boolean drained = done.await(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        double answeredSeconds = (System.nanoTime() - start) / 1e9;
        long answered = completed.get() + failed.get();
        if (!drained) {
            client.close().toCompletionStage().toCompletableFuture().join();
            client = vertx.createHttpClient(options, pool);
        }
        return new Result(total, sent, completed.get(), failed.get(), sent - answered, rate,
                sent / sendSeconds,
                drained ? answered / answeredSeconds : Double.NaN, latency.getIntervalHistogram(), sendLag,
                completed.get() == 0 ? 0 : bytes.get() / completed.get());
    }

    private void send(Call call, long due, Recorder latency, AtomicLong completed, AtomicLong failed,
            AtomicLong bytes, CountDownLatch done) {
        RequestOptions options = new RequestOptions().setMethod(call.method()).setURI(call.uri())
                .putHeader("Authorization", authorization).putHeader("Accept", "application/json");
        if (call.body() != null) {
            options.putHeader("Content-Type", "application/json");
        }
        client.request(options)
                .compose(request -> call.body() == null ? request.send() : request.send(call.body()))
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(response.statusCode() + " " + body);
                    }
                    return body.length();
                }))
                .onComplete(answer -> {
                    latency.recordValue((System.nanoTime() - due) / 1000);
                    if (answer.succeeded()) {
                        completed.incrementAndGet();
                        bytes.addAndGet(answer.result());
                    } else if (failed.incrementAndGet() == 1) {
                        System.err.println("first failed request: " + call.uri() + ": " + answer.cause());
                    }
                    done.countDown();
                });
    }

    @Override
    public void close() {
        client.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
