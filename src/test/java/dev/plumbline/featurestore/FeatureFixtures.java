package dev.plumbline.featurestore;

import dev.plumbline.PipelineFixtures;
import dev.plumbline.access.Caller;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.transform.FeatureViewVersion;
import java.util.Set;

/** Feature views for tests: a view over a dataset of its own with the test orders contract active. */
public final class FeatureFixtures {

    public static final Caller ADMIN = new Caller("test-admin", Set.of("admin"));

    private FeatureFixtures() {
    }

    /**
     * Registers {@code dataset} with the orders contract and applies version 1.0.0 of the view {@code name} over it,
     * owned by test-team and keyed by {@code entity}, with one YAML flow mapping per feature.
     */
    public static FeatureViewVersion ordersView(DatasetRegistry datasets, FeatureRegistry registry, String dataset,
            String name, String entity, String... features) {
        PipelineFixtures.registerOrders(datasets, dataset);
        StringBuilder yaml = new StringBuilder("name: " + name + "\nentity: " + entity + "\nsource: " + dataset
                + "\nowner: test-team\nversion: 1.0.0\nfeatures:\n");
        for (String feature : features) {
            yaml.append("  - ").append(feature).append('\n');
        }
        return registry.apply(yaml.toString(), ADMIN, "127.0.0.1").version();
    }
}
