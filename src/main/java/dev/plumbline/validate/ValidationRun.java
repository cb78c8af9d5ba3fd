package dev.plumbline.validate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The validation of one micro-batch against the contract version that was active for it. */
@Entity
@Table(name = "validation_run")
public class ValidationRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "dataset_id")
    public long datasetId;

    @Column(name = "contract_version_id")
    public long contractVersionId;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "record_count")
    public int recordCount;

    @Column(name = "passed_count")
    public int passedCount;

    @Column(name = "quarantined_count")
    public int quarantinedCount;

    @Column(name = "pass_rate")
    public double passRate;

    /** Median delay from a record's event time to its ingestion, where the contract names an event time. */
    @Column(name = "lag_p50_ms")
    public Long lagP50Ms;

    @Column(name = "lag_max_ms")
    public Long lagMaxMs;

    /** When the newest record of the batch was ingested, for the dataset's staleness. */
    @Column(name = "newest_ingested_at")
    public Instant newestIngestedAt;

    /** Whether every rule held within its tolerance ({@code mostly}). */
    public boolean success;
}
