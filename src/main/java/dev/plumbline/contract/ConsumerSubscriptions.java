package dev.plumbline.contract;

import dev.plumbline.access.RequestAudit;
import dev.plumbline.access.Role;
import dev.plumbline.access.TeamAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.NoSuchElementException;

/** The teams consuming a dataset, who subscribe themselves: breaking changes to its contract need their approval. */
@ApplicationScoped
@Transactional
public class ConsumerSubscriptions {

    private final DatasetRegistry registry;
    private final TeamAccess access;
    private final RequestAudit audit;

    public ConsumerSubscriptions(DatasetRegistry registry, TeamAccess access, RequestAudit audit) {
        this.registry = registry;
        this.access = access;
        this.audit = audit;
    }

    /** Subscribes a team as a consumer of a dataset: an editor of that team does, or an administrator. */
    public void subscribe(String datasetName, String team) {
        Dataset dataset = dataset(datasetName);
        access.caller().require(team, Role.EDITOR, "subscribe team " + team + " to " + dataset.name);
        registry.subscribe(dataset.id, team, access.caller().username());
        audit.record("dataset.subscribed", "dataset", dataset.name, Map.of("team", team));
    }

    /** Ends a team's subscription: an editor of that team, an editor of the owning team, or an administrator. */
    public void unsubscribe(String datasetName, String team) {
        Dataset dataset = dataset(datasetName);
        if (!access.caller().may(dataset.owningTeam, Role.EDITOR)) {
            access.caller().require(team, Role.EDITOR, "unsubscribe team " + team + " from " + dataset.name);
        }
        registry.unsubscribe(dataset.id, team);
        audit.record("dataset.unsubscribed", "dataset", dataset.name, Map.of("team", team));
    }

    private Dataset dataset(String name) {
        return registry.get(name).orElseThrow(() -> new NoSuchElementException("no dataset " + name));
    }
}
