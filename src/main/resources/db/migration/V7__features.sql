-- Feature views: a named, team-owned set of windowed aggregations over one dataset; each version is immutable.
CREATE TABLE feature_view (
    id          bigserial PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    owning_team text        NOT NULL,
    dataset_id  bigint      NOT NULL REFERENCES dataset (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE feature_view_version (
    id              bigserial PRIMARY KEY,
    view_id         bigint      NOT NULL REFERENCES feature_view (id) ON DELETE CASCADE,
    version         text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('active', 'deprecated')),
    definition_yaml text        NOT NULL,
    -- As resolved when applied (written, or the source contract's eventTimeField then), so it never moves.
    event_time_field text       NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (view_id, version)
);

CREATE FUNCTION feature_view_version_is_immutable() RETURNS trigger AS $$
BEGIN
    IF NEW.definition_yaml IS DISTINCT FROM OLD.definition_yaml OR NEW.version IS DISTINCT FROM OLD.version
       OR NEW.event_time_field IS DISTINCT FROM OLD.event_time_field
       OR NEW.view_id IS DISTINCT FROM OLD.view_id THEN
        RAISE EXCEPTION 'feature view version % is immutable: apply a new version instead', OLD.id;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER feature_view_version_immutable BEFORE UPDATE ON feature_view_version
    FOR EACH ROW EXECUTE FUNCTION feature_view_version_is_immutable();

-- Work done: a validation run (its passed records) or a released record, materialized for a view version.
-- Written in the same transaction as the tiles it produced, so a unit is applied exactly once.
CREATE TABLE feature_materialized_run (
    view_version_id   bigint      NOT NULL REFERENCES feature_view_version (id) ON DELETE CASCADE,
    validation_run_id bigint      NOT NULL REFERENCES validation_run (id),
    materialized_at   timestamptz NOT NULL,
    PRIMARY KEY (view_version_id, validation_run_id)
);
-- No foreign key: quarantine retention deletes old quarantined rows, the mark must outlive them.
CREATE TABLE feature_materialized_release (
    view_version_id       bigint      NOT NULL REFERENCES feature_view_version (id) ON DELETE CASCADE,
    quarantined_record_id bigint      NOT NULL,
    materialized_at       timestamptz NOT NULL,
    PRIMARY KEY (view_version_id, quarantined_record_id)
);

-- Materialization reads a run's staged records; without this it would scan all of staging per run.
CREATE INDEX staged_record_by_run ON staged_record (validation_run_id) WHERE validation_run_id IS NOT NULL;

-- The validated events a view version reads, with when each became known: the raw side of the as-of rule.
CREATE TABLE feature_event (
    view_version_id   bigint      NOT NULL REFERENCES feature_view_version (id) ON DELETE CASCADE,
    staged_record_id  bigint      NOT NULL REFERENCES staged_record (id),
    entity_key        text        NOT NULL,
    event_time        timestamptz NOT NULL,
    known_at          timestamptz NOT NULL,
    validation_run_id bigint      NOT NULL REFERENCES validation_run (id),
    field_values      jsonb       NOT NULL,
    PRIMARY KEY (view_version_id, staged_record_id)
);
CREATE INDEX feature_event_by_entity ON feature_event (view_version_id, entity_key, event_time);

-- Mergeable aggregation states per (entity, source field, event-time bucket, known-at bucket).
CREATE TABLE feature_tile (
    view_version_id bigint           NOT NULL REFERENCES feature_view_version (id) ON DELETE CASCADE,
    entity_key      text             NOT NULL,
    field           text             NOT NULL,
    event_bucket    bigint           NOT NULL,
    known_bucket    bigint           NOT NULL,
    value_count     bigint           NOT NULL,
    numeric_count   bigint           NOT NULL,
    sum             double precision NOT NULL,
    sum_squares     double precision NOT NULL,
    min             double precision,
    max             double precision,
    last_value      jsonb,
    last_event_time timestamptz,
    last_known_at   timestamptz,
    last_record_id  bigint,
    sketch          bytea,
    PRIMARY KEY (view_version_id, entity_key, field, event_bucket, known_bucket)
);

-- Latest values per entity, as of the time they were computed, for online serving.
CREATE TABLE feature_online (
    view_version_id bigint      NOT NULL REFERENCES feature_view_version (id) ON DELETE CASCADE,
    entity_key      text        NOT NULL,
    feature_values  jsonb       NOT NULL,
    as_of           timestamptz NOT NULL,
    PRIMARY KEY (view_version_id, entity_key)
);
CREATE INDEX feature_online_age ON feature_online (view_version_id, as_of);

-- How far materialization of a view version has come: the newest known_at it has seen, and when it last ran.
CREATE TABLE feature_freshness (
    view_version_id bigint      PRIMARY KEY REFERENCES feature_view_version (id) ON DELETE CASCADE,
    newest_known_at timestamptz,
    materialized_at timestamptz NOT NULL,
    events          bigint      NOT NULL DEFAULT 0
);
