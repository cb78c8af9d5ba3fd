package dev.plumbline.contract;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Refuses a proposed version number that is not after the active one or that understates the change. */
public final class VersionCheck {

    private static final Map<Impact, String> NAMES = Map.of(Impact.BREAKING, "a breaking change",
            Impact.ADDITIVE, "an additive change", Impact.DOCUMENTATION, "a documentation change");

    private VersionCheck() {
    }

    /**
     * Accepts a proposed version at or above the bump the diff needs, a bigger bump included.
     *
     * @throws IllegalArgumentException saying why, and listing the changes that need the bigger bump
     */
    public static void verify(String activeVersion, String proposedVersion, ContractDiff diff) {
        verify(activeVersion, proposedVersion, diff.changes());
    }

    /** The same check for any versioned document, from its classified changes (a feature view's, say). */
    public static void verify(String activeVersion, String proposedVersion, List<Change> changes) {
        Impact impact = Impact.of(changes);
        SemanticVersion active = SemanticVersion.parse(activeVersion);
        SemanticVersion proposed = SemanticVersion.parse(proposedVersion);
        if (!proposed.isAfter(active)) {
            throw new IllegalArgumentException("version " + proposed + " must be greater than the active version "
                    + active);
        }
        SemanticVersion needed = active.bump(impact);
        if (proposed.compareTo(needed) < 0) {
            throw new IllegalArgumentException(NAMES.get(impact) + " needs " + needed + " or later, not "
                    + proposed + ": " + changes.stream().filter(c -> c.impact() == impact)
                            .map(c -> c.reason() + " (" + c.path() + ", line " + c.proposedLine() + ")")
                            .collect(Collectors.joining("; ")));
        }
    }
}
