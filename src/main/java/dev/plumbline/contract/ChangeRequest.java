package dev.plumbline.contract;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A proposed change to a versioned document under review (a dataset's contract or a feature view): a new
 * version, or a rollback to an earlier one. Its revision counts the edits; approvals count only for the revision
 * they were given on.
 */
@Entity
@Table(name = "change_request")
public class ChangeRequest extends PanacheEntityBase {

    /** A new version, or the return to an earlier one. */
    public enum Kind {
        CHANGE, ROLLBACK;

        @Converter(autoApply = true)
        static class KindColumn extends LowerCaseColumn<Kind> {
            KindColumn() {
                super(Kind.class);
            }
        }
    }

    /** What kind of document the change request is about. */
    public enum Subject {
        CONTRACT, FEATURE_VIEW;

        @Converter(autoApply = true)
        static class SubjectColumn extends LowerCaseColumn<Subject> {
            SubjectColumn() {
                super(Subject.class);
            }
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "dataset_id")
    public Long datasetId;

    public Subject subject = Subject.CONTRACT;

    @Column(name = "feature_view_id")
    public Long featureViewId;

    @Column(name = "base_view_version_id")
    public Long baseViewVersionId;

    @Column(name = "proposed_view_version_id")
    public Long proposedViewVersionId;

    public Kind kind;

    public ChangeRequestState state;

    public String title;

    public String author;

    @Column(name = "base_version_id")
    public Long baseVersionId;

    @Column(name = "proposed_version_id")
    public Long proposedVersionId;

    public Impact impact;

    public int revision;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Refuses an edit unless the change request is a draft or still under review. */
    void requireEditable() {
        if (state != ChangeRequestState.DRAFT && !isUnderReview()) {
            throw new IllegalStateException("change request " + id + " is " + state.key() + " and cannot be edited");
        }
    }

    /** A new revision (its subject has re-based it on the version active now): earlier approvals no longer count. */
    void revise(Impact newImpact, Instant at) {
        requireEditable();
        revision++;
        impact = newImpact;
        if (state != ChangeRequestState.DRAFT) {
            state = ChangeRequestState.OPEN;
        }
        updatedAt = at;
    }

    /** The author is done writing a draft: it goes up for review. */
    void submit(Instant at) {
        requireState(ChangeRequestState.DRAFT, "be submitted: only a draft is");
        state = ChangeRequestState.OPEN;
        updatedAt = at;
    }

    void approve(Instant at) {
        requireState(ChangeRequestState.OPEN, "be approved");
        state = ChangeRequestState.APPROVED;
        updatedAt = at;
    }

    void activate(Instant at) {
        requireState(ChangeRequestState.APPROVED, "be activated: it needs its approvals first");
        state = ChangeRequestState.ACTIVE;
        updatedAt = at;
    }

    void withdraw(Instant at) {
        if (state == ChangeRequestState.ACTIVE || state == ChangeRequestState.WITHDRAWN) {
            throw new IllegalStateException("change request " + id + " is " + state.key() + " and cannot be withdrawn");
        }
        state = ChangeRequestState.WITHDRAWN;
        updatedAt = at;
    }

    boolean isUnderReview() {
        return state == ChangeRequestState.OPEN || state == ChangeRequestState.APPROVED;
    }

    private void requireState(ChangeRequestState expected, String what) {
        if (state != expected) {
            throw new IllegalStateException("change request " + id + " is " + state.key() + " and cannot " + what);
        }
    }
}
