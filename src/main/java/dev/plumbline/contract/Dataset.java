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

/** A named stream of records arriving on one Kafka topic, owned by a team and governed by a contract. */
@Entity
@Table(name = "dataset")
public class Dataset extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String topic;

    @Column(name = "owning_team")
    public String owningTeam;

    @Column(name = "created_at")
    public Instant createdAt;

    static Optional<Dataset> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
