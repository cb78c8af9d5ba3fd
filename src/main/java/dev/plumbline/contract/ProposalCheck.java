package dev.plumbline.contract;

import java.util.List;

/**
 * What the editor tells an author as they type: the problems of the document (by line and field), or else
 * how it differs from the active version, how that is classified, and whether its version number is enough.
 */
public record ProposalCheck(List<ContractProblem> problems, String activeVersion, String proposedVersion,
        String impact, String requiredBump, String versionProblem, List<Change> changes) {

    public static ProposalCheck invalid(List<ContractProblem> problems) {
        return new ProposalCheck(problems, null, null, null, null, null, List.of());
    }

    /** A valid document with nothing active to compare it with: its version becomes the first one. */
    public static ProposalCheck first(String proposedVersion) {
        return new ProposalCheck(List.of(), null, proposedVersion, null, null, null, List.of());
    }

    static ProposalCheck of(String activeVersion, OdcsContract active, OdcsContract proposed) {
        return of(activeVersion, proposed.version(), ContractDiff.between(active, proposed).changes());
    }

    /** A valid document's changes from the active version, their impact, and whether its number is enough. */
    public static ProposalCheck of(String activeVersion, String proposedVersion, List<Change> changes) {
        Impact impact = Impact.of(changes);
        String versionProblem = null;
        try {
            VersionCheck.verify(activeVersion, proposedVersion, changes);
        } catch (IllegalArgumentException e) {
            versionProblem = e.getMessage();
        }
        return new ProposalCheck(List.of(), activeVersion, proposedVersion, impact.key(),
                SemanticVersion.parse(activeVersion).bump(impact).toString(), versionProblem, changes);
    }

    public boolean valid() {
        return problems.isEmpty() && versionProblem == null;
    }
}
