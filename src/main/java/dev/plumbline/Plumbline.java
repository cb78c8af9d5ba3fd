package dev.plumbline;

import dev.plumbline.embedded.EmbeddedStack;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;

/**
 * Plumbline's entry point: starts an embedded PostgreSQL and Kafka broker for whatever is not configured
 * externally, then runs the application until it is stopped.
 */
@QuarkusMain
public final class Plumbline {

    private Plumbline() {
    }

    public static void main(String... args) {
        Path dataDir = Path.of(setting("plumbline.data-dir", "data"));
        int postgresPort = Integer.parseInt(setting("plumbline.embedded.postgres-port", "54329"));
        int kafkaPort = Integer.parseInt(setting("plumbline.embedded.kafka-port", "9092"));
        try (EmbeddedStack stack = EmbeddedStack.startUnconfigured(EmbeddedStack::fromEnvironment, dataDir,
                postgresPort, kafkaPort)) {
            stack.settings().forEach(System::setProperty);
            Quarkus.run(args);
        }
    }

    private static String setting(String property, String fallback) {
        String value = EmbeddedStack.fromEnvironment(property);
        return value == null ? fallback : value;
    }
}
