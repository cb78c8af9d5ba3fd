-- Downstream topics are fed from these tables, as an outbox: a run is marked published once its passed
-- records are on the dataset's validated topic and its quarantined ones on the quarantine topic; a released
-- record once it is on the validated topic. A crash between commit and publish republishes, never loses.
ALTER TABLE validation_run ADD COLUMN published_at timestamptz;
-- Runs from before the outbox had their quarantine announced already, and no validated topic existed.
UPDATE validation_run SET published_at = finished_at;
CREATE INDEX validation_run_unpublished ON validation_run (id) WHERE published_at IS NULL;

ALTER TABLE quarantined_record ADD COLUMN release_published_at timestamptz;
UPDATE quarantined_record SET release_published_at = resolved_at WHERE status = 'released';
CREATE INDEX quarantined_record_release_unpublished ON quarantined_record (release_seq)
    WHERE status = 'released' AND release_published_at IS NULL;

-- The outbox reads a run's records by run (transform's materialization reads them the same way); validated rows
-- only, so staging's inserts do not pay for it.
CREATE INDEX IF NOT EXISTS staged_record_by_run ON staged_record (validation_run_id) WHERE validation_run_id IS NOT NULL;
