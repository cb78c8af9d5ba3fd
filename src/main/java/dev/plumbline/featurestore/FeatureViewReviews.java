package dev.plumbline.featurestore;

import dev.plumbline.contract.Change;
import dev.plumbline.contract.ChangeRequest;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.contract.InvalidContractException;
import dev.plumbline.contract.ProposalCheck;
import dev.plumbline.contract.ReviewSubject;
import dev.plumbline.contract.ReviewSubjects;
import dev.plumbline.contract.VersionCheck;
import dev.plumbline.transform.FeatureViewDefinition;
import dev.plumbline.transform.FeatureViewParser;
import dev.plumbline.transform.FeatureViewStore;
import dev.plumbline.transform.FeatureViewVersion;
import dev.plumbline.transform.SourceSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Feature views as the subject of change requests: the checks a proposed version must pass against the active one. */
@ApplicationScoped
public class FeatureViewReviews implements ReviewSubjects {

    private final FeatureViewStore store;
    private final FeatureViewConsumers consumers;
    private final FeatureViewParser parser;

    public FeatureViewReviews(FeatureViewStore store, FeatureViewConsumers consumers, DatasetRegistry datasets) {
        this.store = store;
        this.consumers = consumers;
        this.parser = new FeatureViewParser(name -> datasets.get(name)
                .flatMap(d -> datasets.activeContract(d.id)).map(SourceSchema::of));
    }

    /** Reads and checks a feature view against its source dataset's active contract. */
    FeatureViewDefinition parse(String yaml) {
        return parser.parse(yaml);
    }

    @Override
    public ChangeRequest.Subject subject() {
        return ChangeRequest.Subject.FEATURE_VIEW;
    }

    @Override
    public ReviewSubject of(ChangeRequest request) {
        return new FeatureViewUnderReview(this, request);
    }

    /** The classified changes from the active version; refused if there are none or the number understates them. */
    List<Change> verifiedChanges(FeatureViewVersion active, FeatureViewDefinition proposed, String yaml) {
        List<Change> changes = FeatureViewDiff.between(active.definition(), active.yaml(), proposed, yaml);
        if (changes.isEmpty() && active.version().equals(proposed.version())) {
            throw new IllegalArgumentException("the proposed feature view is the same as the active version "
                    + active.version());
        }
        VersionCheck.verify(active.version(), proposed.version(), changes);
        return changes;
    }

    /**
     * What the editor shows for a draft: its problems by line and field, or its changes from the view's active
     * version with their impact, or that it will be the view's first version. Stores nothing.
     */
    ProposalCheck preview(String yaml) {
        FeatureViewDefinition proposed;
        try {
            proposed = parse(yaml);
        } catch (InvalidContractException e) {
            return ProposalCheck.invalid(e.problems());
        }
        return active(proposed.name()).map(active -> ProposalCheck.of(active.version(), proposed.version(),
                FeatureViewDiff.between(active.definition(), active.yaml(), proposed, yaml)))
                .orElseGet(() -> ProposalCheck.first(proposed.version()));
    }

    Optional<FeatureViewVersion> active(String viewName) {
        return store.versions(viewName).stream().filter(v -> v.status().equals("active")).findFirst();
    }

    FeatureViewVersion version(long id) {
        return store.byId(id).orElseThrow(() -> new IllegalStateException("feature view version " + id + " is gone"));
    }

    FeatureViewStore store() {
        return store;
    }

    List<String> consumers(long viewId) {
        return consumers.of(viewId);
    }
}
