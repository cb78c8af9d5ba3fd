package dev.plumbline.featurestore;

import dev.plumbline.access.AuditLog;
import dev.plumbline.access.Caller;
import dev.plumbline.access.Role;
import dev.plumbline.contract.ChangeRequest;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.contract.SemanticVersion;
import dev.plumbline.transform.FeatureViewDefinition;
import dev.plumbline.transform.FeatureViewStore;
import dev.plumbline.transform.FeatureViewVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The feature view registry with Feast's verbs: apply a version (an editor of the owning team, or an
 * administrator), get, list, delete. A view's first version is active once applied; a later one opens a change
 * request and becomes active only when it is approved and activated. An active version is immutable.
 */
@ApplicationScoped
public class FeatureRegistry {

    /** What applying did: stored a new version (proposed in a change request, after the first), or found it there. */
    public record Applied(FeatureViewVersion version, boolean created, ChangeRequest changeRequest) {
    }

    private final FeatureViewStore store;
    private final FeatureViewReviews reviews;
    private final FeatureViewChanges proposals;
    private final DatasetRegistry datasets;
    private final AuditLog audit;

    public FeatureRegistry(FeatureViewStore store, FeatureViewReviews reviews, FeatureViewChanges proposals,
            DatasetRegistry datasets, AuditLog audit) {
        this.store = store;
        this.reviews = reviews;
        this.proposals = proposals;
        this.datasets = datasets;
        this.audit = audit;
    }

    /** Parses, checks and stores a version; the same YAML applied again is accepted and changes nothing. */
    @Transactional
    public Applied apply(String yaml, Caller caller, String address) {
        return apply(yaml, false, caller, address);
    }

    /**
     * Applies a version; a later version than the active one is proposed in a change request, or saved in a draft
     * one when {@code draft} is set (a first version is active at once, so it cannot be a draft).
     */
    @Transactional
    public Applied apply(String yaml, boolean draft, Caller caller, String address) {
        FeatureViewDefinition definition = reviews.parse(yaml);
        List<FeatureViewVersion> versions = store.versions(definition.name());
        String team = versions.isEmpty() ? definition.owner() : versions.get(0).owningTeam();
        caller.require(team, Role.EDITOR, "apply feature view " + definition.name());
        if (!team.equals(definition.owner())) {
            throw new FeatureViewConflict("feature view " + definition.name() + " is owned by team " + team
                    + "; its owner cannot change to " + definition.owner());
        }
        Optional<FeatureViewVersion> same = versions.stream()
                .filter(v -> v.version().equals(definition.version())).findFirst();
        if (same.isPresent()) {
            if (same.get().yaml().equals(yaml)) {
                return new Applied(same.get(), false, null);
            }
            throw new FeatureViewConflict("version " + definition.version() + " of " + definition.name() + " exists ("
                    + same.get().status() + ") and is immutable once active: apply a new version, or revise a "
                    + "proposed one through its change request");
        }
        requireNewer(definition, versions);
        Optional<FeatureViewVersion> active = reviews.active(definition.name());
        if (active.isPresent()) {
            ChangeRequest request = proposals.propose(definition, yaml, active.get(), draft, caller, address);
            return new Applied(reviews.version(request.proposedViewVersionId), true, request);
        }
        if (draft) {
            throw new IllegalArgumentException("feature view " + definition.name() + " has no active version: its "
                    + "first version is active once applied, so it cannot be a draft");
        }
        long datasetId = versions.isEmpty() ? sourceId(definition) : versions.get(0).datasetId();
        store.insert(definition, datasetId, yaml, caller.username(), "active");
        audit.record(caller.username(), "feature_view.applied", "feature_view", definition.name(),
                Map.of("version", definition.version(), "owner", team), address);
        return new Applied(store.version(definition.name(), definition.version()).orElseThrow(), true, null);
    }

    public Optional<FeatureViewVersion> get(String name, String version) {
        return version == null ? latest(name) : store.version(name, version);
    }

    public List<FeatureViewVersion> versions(String name) {
        return store.versions(name);
    }

    /** The newest active version of every view. */
    public List<FeatureViewVersion> list() {
        return store.latestActive();
    }

    /** Deletes a view with all its versions and values; whether there was one. */
    @Transactional
    public boolean delete(String name, Caller caller, String address) {
        Optional<FeatureViewVersion> view = latest(name);
        if (view.isEmpty()) {
            return false;
        }
        caller.require(view.get().owningTeam(), Role.EDITOR, "delete feature view " + name);
        int versions = store.versions(name).size();
        store.delete(name);
        audit.record(caller.username(), "feature_view.deleted", "feature_view", name,
                Map.of("versions", versions), address);
        return true;
    }

    /** The active version; a view always has one, as its first version is active once applied. */
    private Optional<FeatureViewVersion> latest(String name) {
        return reviews.active(name);
    }

    private static void requireNewer(FeatureViewDefinition definition, List<FeatureViewVersion> versions) {
        SemanticVersion proposed = SemanticVersion.parse(definition.version());
        for (FeatureViewVersion existing : versions.stream().filter(v -> !v.status().equals("withdrawn")).toList()) {
            if (!proposed.isAfter(SemanticVersion.parse(existing.version()))) {
                throw new FeatureViewConflict("version " + definition.version() + " of " + definition.name()
                        + " must be newer than " + existing.version());
            }
        }
    }

    private long sourceId(FeatureViewDefinition definition) {
        return datasets.get(definition.source()).orElseThrow().id;
    }
}
