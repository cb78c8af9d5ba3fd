package dev.plumbline.contract;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** One immutable version of a dataset's contract, as the ODCS YAML its author wrote. */
@Entity
@Table(name = "contract_version")
public class ContractVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "dataset_id")
    public Long datasetId;

    public String version;

    public ContractStatus status;

    @Column(name = "odcs_yaml")
    public String odcsYaml;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "activated_at")
    public Instant activatedAt;

    static Optional<ContractVersion> findActive(long datasetId) {
        return find("datasetId = ?1 and status = ?2", datasetId, ContractStatus.ACTIVE).firstResultOptional();
    }
}
