package dev.plumbline.contract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;

/** The contracts as people browse them: every dataset's active version, and one dataset's history. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ContractCatalog {

    /** A dataset in the list: its team, the active version, and how many changes are under review. */
    public record Row(String dataset, String owningTeam, String activeVersion, long changesUnderReview) {
    }

    /** One version in a dataset's history. */
    public record VersionRow(String version, String status, String createdBy, Instant createdAt,
            Instant activatedAt) {
    }

    /** One change request in a dataset's list. */
    public record ChangeRow(long id, String title, String kind, String state, String impact, String version,
            String author, Instant updatedAt) {
    }

    /** A dataset's contract page: the active document, every version, every change request, its consumers. */
    public record DatasetContracts(String dataset, String owningTeam, String topic, List<String> consumers,
            String activeVersion, String activeYaml, List<VersionRow> versions, List<ChangeRow> changes) {

        /** The versions a rollback may return to: those active before. */
        public List<VersionRow> rollbackTargets() {
            return versions.stream().filter(v -> v.status().equals("deprecated")).toList();
        }
    }

    private final DatasetRegistry registry;
    private final ContractReviews reviews;

    public ContractCatalog(DatasetRegistry registry, ContractReviews reviews) {
        this.registry = registry;
        this.reviews = reviews;
    }

    public List<Row> rows() {
        return registry.list().stream()
                .map(d -> new Row(d.name, d.owningTeam, registry.activeVersion(d.id).orElse(null),
                        ChangeRequest.count("datasetId = ?1 and state in ?2", d.id,
                                List.of(ChangeRequestState.OPEN, ChangeRequestState.APPROVED))))
                .sorted(Comparator.comparing(Row::owningTeam).thenComparing(Row::dataset)).toList();
    }

    public DatasetContracts of(String name) {
        Dataset dataset = dataset(name);
        List<ContractVersion> versions = ContractVersion.list("datasetId = ?1 order by id desc", dataset.id);
        ContractVersion active = versions.stream().filter(v -> v.status == ContractStatus.ACTIVE).findFirst()
                .orElse(null);
        List<ChangeRequest> changes = ChangeRequest.list("datasetId = ?1 order by id desc", dataset.id);
        return new DatasetContracts(dataset.name, dataset.owningTeam, dataset.topic, registry.consumers(dataset.id),
                active == null ? null : active.version, active == null ? null : active.odcsYaml,
                versions.stream().map(v -> new VersionRow(v.version, v.status.name().toLowerCase(), v.createdBy,
                        v.createdAt, v.activatedAt)).toList(),
                changes.stream().map(c -> new ChangeRow(c.id, c.title, c.kind.name().toLowerCase(), c.state.key(),
                        c.impact.name().toLowerCase(), versionOf(c.proposedVersionId), c.author, c.updatedAt))
                        .toList());
    }

    /** The YAML of one version of a dataset's contract, exactly as written. */
    public String document(String datasetName, String version) {
        Dataset dataset = dataset(datasetName);
        return ContractVersion.<ContractVersion>find("datasetId = ?1 and version = ?2", dataset.id, version)
                .firstResultOptional().map(v -> v.odcsYaml).orElseThrow(() -> new NoSuchElementException(
                        "dataset " + dataset.name + " has no contract version " + version));
    }

    /** Checks a draft as its author types it, storing nothing. */
    public ProposalCheck preview(String datasetName, String odcsYaml) {
        return reviews.preview(dataset(datasetName), odcsYaml);
    }

    private Dataset dataset(String name) {
        return registry.get(name).orElseThrow(() -> new NoSuchElementException("no dataset " + name));
    }

    private static String versionOf(long versionId) {
        return ContractVersion.<ContractVersion>findById(versionId).version;
    }
}
