package dev.plumbline.contract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The registry of datasets and their active contracts, with Feast's verbs: apply, get, list. */
@ApplicationScoped
@Transactional
public class DatasetRegistry {

    private final RuleLinter linter;
    private final OdcsParser parser;
    // A stored version was checked when it was written; reading it back for validation must not fail on
    // a schema configured later, so only Plumbline's own rules (which build the model) apply there.
    private final OdcsParser storedParser = new OdcsParser();
    // Versions are immutable, so a version's parse never goes stale.
    private final Map<Long, OdcsContract> parsedVersions = new ConcurrentHashMap<>();

    public DatasetRegistry(RuleLinter linter, OdcsParser parser) {
        this.linter = linter;
        this.parser = parser;
    }

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");

    /** Registers a dataset, or updates its topic and owning team; refuses a bad name or a taken topic. */
    public Dataset apply(String name, String topic, String owningTeam) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1 to 63 lower-case letters, digits, '_', '.' or '-', "
                    + "starting with a letter or digit");
        }
        if (topic == null || topic.isBlank() || owningTeam == null || owningTeam.isBlank()) {
            throw new IllegalArgumentException("topic and owningTeam are required");
        }
        Optional<Dataset> sameTopic = Dataset.find("topic", topic).firstResultOptional();
        if (sameTopic.isPresent() && !sameTopic.get().name.equals(name)) {
            throw new IllegalArgumentException("topic " + topic + " already feeds dataset " + sameTopic.get().name);
        }
        Dataset dataset = Dataset.findByName(name).orElseGet(Dataset::new);
        if (dataset.id == null) {
            dataset.name = name;
            dataset.createdAt = Instant.now();
        }
        dataset.topic = topic;
        dataset.owningTeam = owningTeam;
        dataset.persist();
        return dataset;
    }

    public Optional<Dataset> get(String name) {
        return Dataset.findByName(name);
    }

    public List<Dataset> list() {
        return Dataset.listAll(io.quarkus.panache.common.Sort.by("name"));
    }

    /**
     * Gives a dataset with no contract its first one, active at once. Every later change goes through a
     * reviewed change request; re-applying the same first version is a no-op, so start-up seeding is safe.
     */
    public ContractVersion activateFirstContract(String datasetName, String odcsYaml, String author) {
        Dataset dataset = get(datasetName).orElseThrow(() -> new IllegalArgumentException("no dataset " + datasetName));
        OdcsContract contract = parse(odcsYaml);
        Optional<ContractVersion> active = ContractVersion.findActive(dataset.id);
        if (active.isPresent()) {
            if (active.get().odcsYaml.equals(odcsYaml)) {
                return active.get();
            }
            throw new IllegalStateException("dataset " + datasetName + " already has active contract version "
                    + active.get().version + "; a change needs a change request");
        }
        ContractVersion version = new ContractVersion();
        version.datasetId = dataset.id;
        version.version = contract.version();
        version.status = ContractStatus.ACTIVE;
        version.odcsYaml = odcsYaml;
        version.createdBy = author;
        version.approvedBy = author;
        version.createdAt = Instant.now();
        version.activatedAt = version.createdAt;
        version.persist();
        return version;
    }

    /** The version number of a dataset's active contract. */
    public Optional<String> activeVersion(long datasetId) {
        return ContractVersion.findActive(datasetId).map(v -> v.version);
    }

    /** Every contract version number of a dataset, by version id. */
    public Map<Long, String> versionNames(long datasetId) {
        return ContractVersion.<ContractVersion>list("datasetId", datasetId).stream()
                .collect(java.util.stream.Collectors.toMap(v -> v.id, v -> v.version));
    }

    /** The teams subscribed as consumers of a dataset, by name. */
    @SuppressWarnings("unchecked")
    public List<String> consumers(long datasetId) {
        return Dataset.getEntityManager().createNativeQuery(
                "SELECT team FROM dataset_consumer WHERE dataset_id = ?1 ORDER BY team")
                .setParameter(1, datasetId).getResultList();
    }

    /** Subscribes a team as a consumer of a dataset (again: no change). */
    public void subscribe(long datasetId, String team, String by) {
        Dataset.getEntityManager().createNativeQuery("""
                INSERT INTO dataset_consumer (dataset_id, team, subscribed_by) VALUES (?1, ?2, ?3)
                ON CONFLICT DO NOTHING""").setParameter(1, datasetId).setParameter(2, team).setParameter(3, by)
                .executeUpdate();
    }

    /** Ends a team's subscription to a dataset. */
    public void unsubscribe(long datasetId, String team) {
        Dataset.getEntityManager().createNativeQuery(
                "DELETE FROM dataset_consumer WHERE dataset_id = ?1 AND team = ?2")
                .setParameter(1, datasetId).setParameter(2, team).executeUpdate();
    }

    /** A stored version read back as written, as it was checked when it was stored. */
    public OdcsContract stored(ContractVersion version) {
        return parsedVersions.computeIfAbsent(version.id, id -> storedParser.parse(version.odcsYaml));
    }

    /** The active contract of every dataset that has one. */
    public List<ActiveContract> activeContracts() {
        List<ActiveContract> result = new ArrayList<>();
        for (Dataset dataset : list()) {
            activeContract(dataset).ifPresent(result::add);
        }
        return result;
    }

    /** The active contract of one dataset, if it has one. */
    public Optional<ActiveContract> activeContract(long datasetId) {
        return Dataset.<Dataset>findByIdOptional(datasetId).flatMap(this::activeContract);
    }

    private Optional<ActiveContract> activeContract(Dataset dataset) {
        return ContractVersion.findActive(dataset.id).map(v -> new ActiveContract(dataset.id, dataset.name,
                dataset.topic, v.id, v.version, stored(v)));
    }

    /** Parses a contract and refuses it, with every problem, unless the engine can run all its rules. */
    public OdcsContract parse(String odcsYaml) {
        OdcsContract contract = parser.parse(odcsYaml);
        List<ContractProblem> problems = linter.lint(contract);
        if (!problems.isEmpty()) {
            throw new InvalidContractException(problems);
        }
        return contract;
    }
}
