-- HTTP batch drops: a CSV or NDJSON file posted for a dataset, staged like Kafka records under the dataset's topic
-- with partition -1 (Kafka's are never negative) and offset = drop id × 2^20 + record index, in the transaction
-- that records the drop. A file sent again under the same key (its SHA-256 unless the client names one) finds its
-- drop here and stages nothing twice.
CREATE TABLE batch_drop (
    id           bigserial   PRIMARY KEY,
    dataset_id   bigint      NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    drop_key     text        NOT NULL,
    format       text        NOT NULL CHECK (format IN ('csv', 'ndjson')),
    record_count int         NOT NULL,
    dropped_by   text        NOT NULL,
    dropped_at   timestamptz NOT NULL,
    UNIQUE (dataset_id, drop_key)
);
CREATE INDEX batch_drop_recent ON batch_drop (dataset_id, dropped_at DESC);
