package dev.plumbline.contract;

import dev.plumbline.access.RequestAudit;
import dev.plumbline.access.Role;
import dev.plumbline.access.TeamAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Opens change requests on contracts: a new version of a dataset's contract, or a rollback to an earlier one. */
@ApplicationScoped
@Transactional
public class ContractChanges {

    private final ContractReviews contracts;
    private final ChangeRequests changes;
    private final TeamAccess access;
    private final RequestAudit audit;
    private final Clock clock = Clock.systemUTC();

    public ContractChanges(ContractReviews contracts, ChangeRequests changes, TeamAccess access, RequestAudit audit) {
        this.contracts = contracts;
        this.changes = changes;
        this.access = access;
        this.audit = audit;
    }

    /**
     * Proposes a new version of a dataset's contract, for review or as a draft; refused if it is invalid or its
     * number understates it.
     */
    public ChangeRequest propose(String datasetName, String title, String odcsYaml, boolean draft) {
        Dataset dataset = contracts.dataset(datasetName);
        access.caller().require(dataset.owningTeam, Role.EDITOR, "propose a change to the contract of " + dataset.name);
        OdcsContract proposed = contracts.parse(odcsYaml);
        ContractVersion active = ContractReviews.active(dataset);
        Impact impact = contracts.verifiedImpact(active, proposed);
        ContractReviews.requireUnusedNumber(dataset, proposed.version(), null);
        Instant now = clock.instant();
        ContractVersion version = new ContractVersion();
        version.datasetId = dataset.id;
        version.version = proposed.version();
        version.status = draft ? ContractStatus.DRAFT : ContractStatus.PROPOSED;
        version.odcsYaml = odcsYaml;
        version.createdBy = access.caller().username();
        version.createdAt = now;
        version.persist();
        ChangeRequest request = changes.open(request(dataset, ChangeRequest.Kind.CHANGE, active, version),
                title, version.version, impact, draft);
        audit.record("change_request.proposed", "change_request", request.id.toString(), Map.of("dataset",
                dataset.name, "version", version.version, "impact", impact.name().toLowerCase(), "draft", draft));
        return request;
    }

    /** Proposes to make an earlier version of a dataset's contract active again. */
    public ChangeRequest proposeRollback(String datasetName, String title, String targetVersion) {
        Dataset dataset = contracts.dataset(datasetName);
        access.caller().require(dataset.owningTeam, Role.EDITOR, "propose a rollback of " + dataset.name);
        ContractVersion active = ContractReviews.active(dataset);
        ContractVersion target = ContractVersion.<ContractVersion>find("datasetId = ?1 and version = ?2", dataset.id,
                targetVersion).firstResultOptional().orElseThrow(() -> new NoSuchElementException(
                        "dataset " + dataset.name + " has no contract version " + targetVersion));
        if (target.status != ContractStatus.DEPRECATED) {
            throw new IllegalStateException("only a version that was active before can be rolled back to; "
                    + targetVersion + " is " + target.status.name().toLowerCase());
        }
        Impact impact = ContractDiff.between(contracts.parsed(active), contracts.parsed(target)).impact();
        ChangeRequest request = changes.open(request(dataset, ChangeRequest.Kind.ROLLBACK, active, target),
                title == null || title.isBlank() ? "Roll back to " + targetVersion : title, targetVersion, impact,
                false);
        audit.record("change_request.proposed", "change_request", request.id.toString(), Map.of("dataset",
                dataset.name, "rollbackTo", targetVersion, "impact", impact.name().toLowerCase()));
        return request;
    }

    /** The change requests of a dataset, newest first. */
    public List<ChangeRequestView> ofDataset(String datasetName) {
        Dataset dataset = contracts.dataset(datasetName);
        return ChangeRequest.<ChangeRequest>list("datasetId = ?1 order by id desc", dataset.id).stream()
                .map(request -> changes.view(request.id)).toList();
    }

    private static ChangeRequest request(Dataset dataset, ChangeRequest.Kind kind, ContractVersion base,
            ContractVersion proposed) {
        ChangeRequest request = new ChangeRequest();
        request.subject = ChangeRequest.Subject.CONTRACT;
        request.datasetId = dataset.id;
        request.kind = kind;
        request.baseVersionId = base.id;
        request.proposedVersionId = proposed.id;
        return request;
    }
}
