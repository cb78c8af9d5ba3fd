package dev.plumbline.contract;

import java.util.List;

/**
 * What the editor tells an author as they type: the problems of the document (by line and field), or else
 * how it differs from the active version, how that is classified, and whether its version number is enough.
 */
public record ProposalCheck(List<ContractProblem> problems, String activeVersion, String proposedVersion,
        String impact, String requiredBump, String versionProblem, List<Change> changes) {

    static ProposalCheck invalid(List<ContractProblem> problems) {
        return new ProposalCheck(problems, null, null, null, null, null, List.of());
    }

    static ProposalCheck of(String activeVersion, OdcsContract active, OdcsContract proposed) {
        ContractDiff diff = ContractDiff.between(active, proposed);
        String needed = SemanticVersion.parse(activeVersion).bump(diff.impact()).toString();
        String versionProblem = null;
        try {
            VersionCheck.verify(activeVersion, proposed.version(), diff);
        } catch (IllegalArgumentException e) {
            versionProblem = e.getMessage();
        }
        return new ProposalCheck(List.of(), activeVersion, proposed.version(), diff.impact().name().toLowerCase(),
                needed, versionProblem, diff.changes());
    }

    public boolean valid() {
        return problems.isEmpty() && versionProblem == null;
    }
}
