package dev.plumbline.contract;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.NoSuchElementException;

/** Contracts as the subject of change requests: the checks a proposed contract version must pass. */
@ApplicationScoped
public class ContractReviews implements ReviewSubjects {

    private final DatasetRegistry registry;

    public ContractReviews(DatasetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ChangeRequest.Subject subject() {
        return ChangeRequest.Subject.CONTRACT;
    }

    @Override
    public ReviewSubject of(ChangeRequest request) {
        return new ContractUnderReview(this, request, Dataset.findById(request.datasetId));
    }

    /** The impact of a proposed contract against the active version; refused if its number understates it. */
    Impact verifiedImpact(ContractVersion active, OdcsContract proposed) {
        ContractDiff diff = ContractDiff.between(parsed(active), proposed);
        if (diff.isEmpty() && active.version.equals(proposed.version())) {
            throw new IllegalArgumentException("the proposed contract is the same as the active version "
                    + active.version);
        }
        VersionCheck.verify(active.version, proposed.version(), diff);
        return diff.impact();
    }

    /** What the editor shows for a draft against the dataset's active version; stores nothing. */
    ProposalCheck preview(Dataset dataset, String odcsYaml) {
        ContractVersion active = active(dataset);
        try {
            return ProposalCheck.of(active.version, parsed(active), parse(odcsYaml));
        } catch (InvalidContractException e) {
            return ProposalCheck.invalid(e.problems());
        }
    }

    static void requireUnusedNumber(Dataset dataset, String version, Long except) {
        ContractVersion.<ContractVersion>find("datasetId = ?1 and version = ?2", dataset.id, version)
                .firstResultOptional().filter(v -> !v.id.equals(except)).ifPresent(v -> {
                    throw new IllegalStateException("dataset " + dataset.name + " already has a version " + version
                            + " (" + v.status.name().toLowerCase() + "); choose another number");
                });
    }

    OdcsContract parse(String odcsYaml) {
        return registry.parse(odcsYaml);
    }

    OdcsContract parsed(ContractVersion version) {
        return registry.stored(version);
    }

    java.util.List<String> consumers(Dataset dataset) {
        return registry.consumers(dataset.id);
    }

    Dataset dataset(String name) {
        return registry.get(name).orElseThrow(() -> new NoSuchElementException("no dataset " + name));
    }

    static ContractVersion active(Dataset dataset) {
        return ContractVersion.findActive(dataset.id).orElseThrow(() -> new IllegalStateException(
                "dataset " + dataset.name + " has no contract yet; give it its first one"));
    }
}
