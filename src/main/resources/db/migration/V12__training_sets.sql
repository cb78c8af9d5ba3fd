-- Offline training sets: who asked for which feature view versions over which entity rows, what the leakage
-- audit found, and the result itself as Parquet (the CSV download is read from it, so both always agree).
CREATE TABLE training_set (
    id             bigserial PRIMARY KEY,
    requested_by   text        NOT NULL,
    requested_at   timestamptz NOT NULL,
    upload_name    text,
    upload_format  text        NOT NULL CHECK (upload_format IN ('csv', 'json')),
    time_column    text        NOT NULL,
    label_columns  text[]      NOT NULL,
    row_count      bigint      NOT NULL,
    -- Feature values computed from an event at or after its row's label time; the join must make this 0.
    leaked_values  bigint      NOT NULL,
    -- Per feature and label column: correlation, mutual information and whether it looks like a proxy.
    proxy_audit    jsonb       NOT NULL,
    join_millis    bigint      NOT NULL
);
CREATE INDEX training_set_newest ON training_set (id DESC);

-- The pinned versions, by name and number as well as id: the record outlives a deleted feature view.
CREATE TABLE training_set_view (
    training_set_id bigint NOT NULL REFERENCES training_set (id) ON DELETE CASCADE,
    position        int    NOT NULL,
    view_version_id bigint NOT NULL,
    view_name       text   NOT NULL,
    version         text   NOT NULL,
    entity_column   text   NOT NULL,
    features        text[] NOT NULL,
    PRIMARY KEY (training_set_id, position)
);

CREATE TABLE training_set_file (
    training_set_id bigint PRIMARY KEY REFERENCES training_set (id) ON DELETE CASCADE,
    parquet         bytea  NOT NULL
);
