-- Keys accepted into a dataset's history: one row per (dataset, key column, key), naming the staged record
-- that was accepted with it. Written in the validation transaction, so a rolled-back run registers nothing.
-- No foreign key to staged_record: staging partitions may be dropped by retention while keys stay.
CREATE TABLE dataset_key (
    dataset_id       bigint      NOT NULL REFERENCES dataset (id),
    column_name      text        NOT NULL,
    key_value        text        NOT NULL,
    staged_record_id bigint      NOT NULL,
    registered_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dataset_id, column_name, key_value)
);

-- Mergeable analyzer states per validation run, so that rules can be judged over windows of batches.
-- analyzer_key is the SHA-256 of the analyzer's full definition (column, parameters, frozen baseline):
-- states of different definitions never merge.
CREATE TABLE analyzer_state (
    id                bigserial PRIMARY KEY,
    dataset_id        bigint      NOT NULL REFERENCES dataset (id),
    validation_run_id bigint      NOT NULL REFERENCES validation_run (id),
    analyzer_key      text        NOT NULL,
    analyzer          text        NOT NULL,
    state             jsonb       NOT NULL,
    computed_at       timestamptz NOT NULL
);
CREATE INDEX analyzer_state_window ON analyzer_state (dataset_id, analyzer_key, computed_at DESC);

-- When the newest record of a run arrived, so that a dataset's staleness needs no scan of staging.
ALTER TABLE validation_run ADD COLUMN newest_ingested_at timestamptz;
