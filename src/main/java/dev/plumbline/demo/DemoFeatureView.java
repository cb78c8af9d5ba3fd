package dev.plumbline.demo;

import dev.plumbline.access.Caller;
import dev.plumbline.featurestore.FeatureRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.jboss.logging.Logger;

/** Applies the demo feature view {@code customer_transactions} over the demo {@code transactions} dataset. */
@ApplicationScoped
public class DemoFeatureView {

    public static final String YAML = """
            name: customer_transactions
            entity: customer_id
            source: transactions
            owner: payments-data
            version: 1.0.0
            description: Spend per customer, for the fraud and churn models of risk-ml.
            features:
              - {name: customer_avg_transaction_30d, aggregation: avg, field: amount, window: 30d}
              - {name: customer_transactions_1h, aggregation: count, field: transaction_id, window: 1h}
              - {name: customer_spend_7d, aggregation: sum, field: amount, window: 7d}
              - {name: customer_max_transaction_7d, aggregation: max, field: amount, window: 7d}
              - {name: customer_amount_stddev_30d, aggregation: stddev, field: amount, window: 30d}
              - {name: customer_last_currency, aggregation: last, field: currency, window: 30d}
              - {name: customer_currencies_30d, aggregation: approx_distinct, field: currency, window: 30d}
            sla:
              freshness: 1m
              psiThreshold: 0.2
              servingP99: 50ms
            """;

    private static final Logger LOG = Logger.getLogger(DemoFeatureView.class);

    private final DemoConfig config;
    private final FeatureRegistry registry;

    public DemoFeatureView(DemoConfig config, FeatureRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    // After the demo dataset and its contract (priority 1): the view is checked against that contract.
    void apply(@Observes @Priority(2) StartupEvent event) {
        if (config.enabled()) {
            var applied = registry.apply(YAML, new Caller("plumbline-demo", Set.of("admin")), "127.0.0.1");
            LOG.infof("Demo feature view %s %s %s", applied.version().viewName(), applied.version().version(),
                    applied.created() ? "applied" : "already there");
        }
    }
}
