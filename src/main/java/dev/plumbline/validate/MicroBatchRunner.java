package dev.plumbline.validate;

import dev.plumbline.contract.ActiveContract;
import dev.plumbline.contract.DatasetRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Drives validation: on every tick, each dataset with an active contract has its due micro-batches
 * validated. Several replicas may run it at once; claiming with SKIP LOCKED keeps their batches apart.
 */
@ApplicationScoped
public class MicroBatchRunner {

    private static final Logger LOG = Logger.getLogger(MicroBatchRunner.class);

    private final DatasetRegistry registry;
    private final BatchValidator validator;
    private volatile boolean stopping;

    public MicroBatchRunner(DatasetRegistry registry, BatchValidator validator) {
        this.registry = registry;
        this.validator = validator;
    }

    // The scheduler may still fire while the application shuts down and the database goes away.
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${plumbline.validate.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (stopping) {
            return;
        }
        for (ActiveContract contract : registry.activeContracts()) {
            try {
                while (validator.validateNextBatch(contract)) {
                    LOG.debugf("Validated a full batch of %s; looking for more", contract.datasetName());
                }
            } catch (RuntimeException e) {
                // One dataset's failure must not starve the others; its records stay staged for the next tick.
                LOG.errorf(e, "Validation of %s failed; its batch stays staged and is retried", contract.datasetName());
            }
        }
    }
}
