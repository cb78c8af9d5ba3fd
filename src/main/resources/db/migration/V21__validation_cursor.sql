-- Validation no longer writes to staged_record. Until now the claim locked every record of a batch and the mark
-- wrote each one again whole (validation_run_id: a new tuple with its payload, an entry in each of its indexes, and
-- a dead tuple for vacuum), which made validation cost PostgreSQL nearly as much as staging itself.
--
-- Now each topic has a cursor, and validation reads the topic's records in the order of their staging
-- transactions' ids (staged_xact, then id), only below the oldest transaction still running. Every record below that
-- bound was committed or rolled back before the read, and every record committed later belongs to a transaction
-- whose id is at or above it, so it sorts after the cursor: a batch is the next stretch after the cursor, and
-- validating it moves the cursor past it in the run's own transaction. Nothing is skipped and nothing read twice.
-- The run keeps the ids of the records it judged (materialization, the outbox and drift references read them there).
ALTER TABLE staged_record ADD COLUMN staged_xact xid8;
-- Records staged before this migration and not yet validated wait after every cursor; those already validated keep
-- NULL, which no cursor comparison admits, and are found through their run's ids below.
UPDATE staged_record SET staged_xact = pg_current_xact_id() WHERE validation_run_id IS NULL;
ALTER TABLE staged_record ALTER COLUMN staged_xact SET DEFAULT pg_current_xact_id();
CREATE INDEX staged_record_in_staging_order ON staged_record (topic, staged_xact, id);

ALTER TABLE validation_run ADD COLUMN staged_ids bigint[] NOT NULL DEFAULT '{}';
UPDATE validation_run r SET staged_ids = s.ids
FROM (SELECT validation_run_id, array_agg(id ORDER BY id) AS ids FROM staged_record
      WHERE validation_run_id IS NOT NULL GROUP BY validation_run_id) s
WHERE r.id = s.validation_run_id;

-- Where validation of a topic stands: everything at or before (after_xact, after_id) has been validated. The row is
-- locked by the validation transaction, so one replica at a time validates a topic.
CREATE TABLE validation_cursor (
    topic      text COLLATE "C" PRIMARY KEY,
    after_xact xid8   NOT NULL,
    after_id   bigint NOT NULL
);

DROP INDEX staged_record_pending;
DROP INDEX staged_record_by_run;
ALTER TABLE staged_record DROP COLUMN validation_run_id;
