package dev.plumbline;

import dev.plumbline.embedded.EmbeddedStack;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Plumbline's entry point: starts an embedded PostgreSQL and Kafka broker for whatever is not configured
 * externally, then runs the application until it is stopped.
 */
@QuarkusMain
public final class Plumbline {

    private Plumbline() {
    }

    public static void main(String... args) {
        try (EmbeddedStack stack = EmbeddedStack.startFromEnvironment()) {
            stack.settings().forEach(System::setProperty);
            Quarkus.run(args);
        }
    }
}
