-- Datasets and their contracts: a contract version is immutable once written.
CREATE TABLE dataset (
    id               bigserial PRIMARY KEY,
    name             text        NOT NULL UNIQUE,
    topic            text        NOT NULL UNIQUE,
    owning_team      text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE contract_version (
    id           bigserial PRIMARY KEY,
    dataset_id   bigint      NOT NULL REFERENCES dataset (id),
    version      text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('draft', 'proposed', 'approved', 'active', 'deprecated', 'retired')),
    odcs_yaml    text        NOT NULL,
    created_by   text        NOT NULL,
    approved_by  text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    activated_at timestamptz,
    UNIQUE (dataset_id, version)
);
CREATE UNIQUE INDEX contract_version_one_active ON contract_version (dataset_id) WHERE status = 'active';

CREATE FUNCTION contract_version_is_immutable() RETURNS trigger AS $$
BEGIN
    IF NEW.odcs_yaml IS DISTINCT FROM OLD.odcs_yaml OR NEW.version IS DISTINCT FROM OLD.version
       OR NEW.dataset_id IS DISTINCT FROM OLD.dataset_id THEN
        RAISE EXCEPTION 'contract version % is immutable: write a new version instead', OLD.id;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER contract_version_immutable BEFORE UPDATE ON contract_version
    FOR EACH ROW EXECUTE FUNCTION contract_version_is_immutable();

-- Staging: one row per Kafka record, idempotent on its (topic, partition, offset).
CREATE TABLE staged_record (
    id                bigserial PRIMARY KEY,
    topic             text        NOT NULL,
    kafka_partition   int         NOT NULL,
    kafka_offset      bigint      NOT NULL,
    record_key        text,
    payload           jsonb,
    raw_payload       bytea,
    parse_error       text,
    ingested_at       timestamptz NOT NULL,
    validation_run_id bigint,
    UNIQUE (topic, kafka_partition, kafka_offset),
    CHECK ((payload IS NULL) = (parse_error IS NOT NULL))
);
CREATE INDEX staged_record_pending ON staged_record (topic, id) WHERE validation_run_id IS NULL;

-- Validation: one run per micro-batch, naming the contract version it evaluated.
CREATE TABLE validation_run (
    id                  bigserial PRIMARY KEY,
    dataset_id          bigint           NOT NULL REFERENCES dataset (id),
    contract_version_id bigint           NOT NULL REFERENCES contract_version (id),
    started_at          timestamptz      NOT NULL,
    finished_at         timestamptz      NOT NULL,
    record_count        int              NOT NULL,
    passed_count        int              NOT NULL,
    quarantined_count   int              NOT NULL,
    pass_rate           double precision NOT NULL,
    lag_p50_ms          bigint,
    lag_max_ms          bigint,
    success             boolean          NOT NULL
);
CREATE INDEX validation_run_by_dataset ON validation_run (dataset_id, id DESC);
ALTER TABLE staged_record ADD FOREIGN KEY (validation_run_id) REFERENCES validation_run (id);

CREATE TABLE rule_result (
    id                bigserial PRIMARY KEY,
    validation_run_id bigint  NOT NULL REFERENCES validation_run (id),
    rule              text    NOT NULL,
    column_name       text,
    evaluated         int     NOT NULL,
    unexpected        int     NOT NULL,
    success           boolean NOT NULL,
    observed          text
);
CREATE INDEX rule_result_by_run ON rule_result (validation_run_id);

-- Quarantine: records that failed record-level rules or could not be parsed, with every reason.
CREATE TABLE quarantined_record (
    id                  bigserial PRIMARY KEY,
    staged_record_id    bigint      NOT NULL UNIQUE REFERENCES staged_record (id),
    dataset_id          bigint      NOT NULL REFERENCES dataset (id),
    validation_run_id   bigint      NOT NULL REFERENCES validation_run (id),
    contract_version_id bigint      NOT NULL REFERENCES contract_version (id),
    failures            jsonb       NOT NULL,
    status              text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'released', 'discarded')),
    quarantined_at      timestamptz NOT NULL
);
CREATE INDEX quarantined_record_open ON quarantined_record (dataset_id, id DESC) WHERE status = 'open';
