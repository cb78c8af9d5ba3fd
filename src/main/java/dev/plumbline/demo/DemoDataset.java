package dev.plumbline.demo;

import dev.plumbline.contract.DatasetRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/** Registers the demo {@code transactions} dataset and its first contract when the demo stream is on. */
@ApplicationScoped
public class DemoDataset {

    static final String NAME = "transactions";
    static final String OWNING_TEAM = "payments-data";
    static final String CONTRACT = "demo/transactions.odcs.yaml";

    private static final Logger LOG = Logger.getLogger(DemoDataset.class);

    private final DemoConfig config;
    static final String CONSUMER_TEAM = "risk-ml";

    private final DatasetRegistry registry;

    public DemoDataset(DemoConfig config, DatasetRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    // Before the publisher starts (default priority), so the first records already have their contract.
    void register(@Observes @Priority(1) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        var dataset = registry.apply(NAME, config.topic(), OWNING_TEAM);
        // The fraud models of risk-ml train on transactions: breaking changes need their approval too.
        registry.subscribe(dataset.id, CONSUMER_TEAM, "plumbline-demo");
        try {
            var version = registry.activateFirstContract(NAME, contractYaml(), "plumbline-demo");
            LOG.infof("Demo dataset %s on topic %s, contract %s active", NAME, config.topic(), version.version);
        } catch (IllegalStateException e) {
            // Data kept from an earlier run already has a contract; a newer demo contract must not replace it.
            LOG.warnf("Demo contract left as it is: %s", e.getMessage());
        }
    }

    private static String contractYaml() {
        try (InputStream in = DemoDataset.class.getClassLoader().getResourceAsStream(CONTRACT)) {
            if (in == null) {
                throw new IllegalStateException("the demo contract " + CONTRACT + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
