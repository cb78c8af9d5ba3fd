package dev.plumbline.contract;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A reviewer's word on one revision of a change request, perhaps on one line of the proposed document. */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "change_request_id")
    public Long changeRequestId;

    public int revision;

    public String reviewer;

    public Verdict verdict;

    /** The teams this approval counts for: those required teams the reviewer is an approver of. */
    @Column(name = "for_teams")
    public String[] forTeams;

    public String body;

    public Integer line;

    @Column(name = "created_at")
    public Instant createdAt;

    static List<Review> of(long changeRequestId) {
        return list("changeRequestId = ?1 order by id", changeRequestId);
    }
}
