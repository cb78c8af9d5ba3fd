package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * The field-by-field differences between a dataset's active contract and a proposed one, each classified as
 * breaking, additive or documentation, with the smallest version bump they need.
 *
 * <p>Outside {@code schema}, only the contract's {@code customProperties} are interpreted (drift baselines and
 * {@code eventTimeField}); every other top-level change is documentation. {@code version} and {@code status} are
 * the lifecycle's business, not the contract's content, so they are not compared.
 */
public final class ContractDiff {

    private static final Set<String> LIFECYCLE = Set.of("version", "status");

    private final List<Change> changes;

    private ContractDiff(List<Change> changes) {
        this.changes = changes;
    }

    public static ContractDiff between(OdcsContract active, OdcsContract proposed) {
        ChangeLog log = new ChangeLog(active, proposed);
        JsonNode before = active.document();
        JsonNode after = proposed.document();
        for (String name : JsonValues.fieldNames(before, after)) {
            JsonNode was = before.get(name);
            JsonNode is = after.get(name);
            if (LIFECYCLE.contains(name) || JsonValues.same(was, is)) {
                continue;
            }
            DiffLocation at = DiffLocation.root().field(name, was != null, is != null);
            switch (name) {
                case "schema" -> new SchemaDiff(log).diff(at, was, is);
                case "customProperties" -> new CustomPropertiesDiff(log, false).diff(at, was, is);
                default -> new TreeDiff(log).documentation(at, was, is);
            }
        }
        return new ContractDiff(log.ordered());
    }

    /** Every change, ordered by path. */
    public List<Change> changes() {
        return changes;
    }

    /** The changes of one impact, ordered by path. */
    public List<Change> changes(Impact impact) {
        return changes.stream().filter(c -> c.impact() == impact).toList();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The highest impact of any change; documentation when nothing changed, as a new version is still a patch. */
    public Impact impact() {
        return Impact.of(changes);
    }

    /** The smallest version the proposed contract may take after the active one. */
    public SemanticVersion requiredBump(String activeVersion) {
        return SemanticVersion.parse(activeVersion).bump(impact());
    }
}
