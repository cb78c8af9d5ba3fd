package dev.plumbline;

import dev.plumbline.embedded.EmbeddedStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives the tests a real PostgreSQL and a real Kafka broker: the embedded ones on free ports in a fresh
 * folder (deleted when they stop), unless the environment names external ones, exactly as the application itself
 * decides.
 */
public class EmbeddedStackResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedStack stack;
    private Path folder;

    @Override
    public Map<String, String> start() {
        try {
            folder = Files.createTempDirectory("plumbline-test");
            stack = EmbeddedStack.startUnconfigured(EmbeddedStack::fromEnvironment, folder, 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stack.settings();
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
        }
        if (folder != null) {
            TempFolders.delete(folder);
        }
    }
}
