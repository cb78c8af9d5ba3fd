-- Quarantine actions: a record leaves the open queue once, either released (it passed re-validation and
-- continues downstream, in release order) or discarded (with the reason someone gave).
CREATE SEQUENCE quarantine_release_seq;

ALTER TABLE quarantined_record
    ADD COLUMN resolved_at     timestamptz,
    ADD COLUMN resolved_by     text,
    ADD COLUMN resolution_note text,
    ADD COLUMN release_seq     bigint UNIQUE,
    ADD COLUMN revalidated_at  timestamptz,
    ADD COLUMN revalidations   int NOT NULL DEFAULT 0,
    ADD CONSTRAINT quarantine_resolved_once CHECK ((status = 'open') = (resolved_at IS NULL)),
    ADD CONSTRAINT quarantine_release_ordered CHECK ((status = 'released') = (release_seq IS NOT NULL)),
    ADD CONSTRAINT quarantine_discard_has_reason
        CHECK (status <> 'discarded' OR length(btrim(resolution_note)) > 0);

-- Downstream stages read released records in release order.
CREATE INDEX quarantined_record_released ON quarantined_record (release_seq) WHERE status = 'released';
-- Retention deletes by age; the filters look entries up by the rules they failed.
CREATE INDEX quarantined_record_age ON quarantined_record (quarantined_at);
CREATE INDEX quarantined_record_failures ON quarantined_record USING gin (failures jsonb_path_ops);
