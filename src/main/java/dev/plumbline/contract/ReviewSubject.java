package dev.plumbline.contract;

import java.time.Instant;
import java.util.List;

/**
 * A versioned document under review in one change request (a contract, a feature view): who owns and consumes
 * it, the proposed text against the base, and what revising, approving, activating and withdrawing do to its
 * versions. {@link ChangeRequests} holds the rules that are the same for every kind.
 */
public interface ReviewSubject {

    /** What is under review and who owns and consumes it. */
    record Ownership(ChangeRequest.Subject subject, String name, String owningTeam, List<String> consumerTeams,
            String link) {
    }

    /** The base and proposed versions with their text, and the changes between them, each classified. */
    record Documents(String baseVersion, String baseText, String proposedVersion, String proposedText,
            List<Change> changes) {
    }

    /** Which version became active and which one it replaced. */
    record Activation(String version, String previous) {
    }

    Ownership ownership();

    Documents documents();

    /**
     * Checks and stores a new text of the proposed version against the version active now, re-basing the change
     * request on it; returns the new impact.
     *
     * @throws InvalidContractException with every problem, or IllegalArgumentException when the number understates
     */
    Impact revise(String text);

    /** What an editor shows for a new text as it is typed: its problems, or its changes and their impact. */
    ProposalCheck check(String text);

    /**
     * The change request moved on — submitted from a draft, approved by the required teams, or withdrawn — and
     * the proposed version's status follows it.
     */
    void moved(ChangeRequestState to, String approvedBy);

    /** Makes the proposed version active and the base one deprecated; refused if the base is no longer active. */
    Activation activate(Instant at);

}
