package dev.plumbline.alert;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP receiver for notifications on a free port: it records every request and answers 200, or what a
 * test scripted for requests whose body names a given dataset on a given path (503 with Retry-After, …).
 */
final class TestReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String path, Map<String, List<String>> headers, String body, int answered) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer to give: a status and, if not null, a Retry-After value. */
    record Answer(int status, String retryAfter) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private HttpServer server;
    private final int port;

    TestReceiver() {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer listening = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
            listening.createContext("/", this::handle);
            listening.start();
            return listening;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops listening, as a receiver that is down: connections to its port are refused until {@link #up()}. */
    synchronized void down() {
        server.stop(0);
    }

    /** Listens again on the same port, keeping what it received before. */
    synchronized void up() {
        server = listen(port);
    }

    /** A receiver listening, with the delivery tests' routing file (the application's) pointing at it. */
    static TestReceiver forDeliveryRoutes() throws IOException {
        TestReceiver receiver = new TestReceiver();
        receiver.install(Path.of("src/test/resources/fixtures/alert/delivery-routes.yml"),
                Path.of("target/test-classes/fixtures/alert/delivery-routes.yml"));
        return receiver;
    }

    /** Writes the routing file the application reads, with this receiver's address in it. */
    void install(Path template, Path routingFile) throws IOException {
        String text = Files.readString(template).replace("RECEIVER", "127.0.0.1:" + port);
        if (!Files.exists(routingFile) || !Files.readString(routingFile).equals(text)) {
            Files.writeString(routingFile, text);
        }
    }

    void script(String dataset, String path, Answer... answers) {
        scripts.put(dataset + " " + path, new ArrayDeque<>(List.of(answers)));
    }

    /** What arrived on a path about a dataset. */
    List<Received> about(String dataset, String path) {
        return received.stream().filter(r -> r.path().equals(path) && r.body().contains(dataset))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        Answer answer = scripts.entrySet().stream()
                .filter(e -> e.getKey().endsWith(" " + path) && body.contains(e.getKey().substring(0, e.getKey().indexOf(' '))))
                .map(e -> e.getValue().poll()).filter(a -> a != null).findFirst().orElse(new Answer(200, null));
        received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body, answer.status()));
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        byte[] reply = (answer.status() / 100 == 2 ? "{\"status\":\"success\"}" : "{\"status\":\"busy\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    @Override
    public synchronized void close() {
        server.stop(0);
    }
}
