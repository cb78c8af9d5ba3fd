-- Drift baselines of feature view versions: one frozen reference per feature, in the form of a contract's PSI
-- baseline kwarg, and where it came from (a reference window of the view's values or an uploaded file).
CREATE TABLE feature_baseline (
    view_version_id  bigint      NOT NULL REFERENCES feature_view_version (id) ON DELETE CASCADE,
    feature          text        NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('numeric', 'categorical')),
    baseline         jsonb       NOT NULL,
    reference_values bigint      NOT NULL,
    reference_nulls  bigint      NOT NULL,
    source           jsonb       NOT NULL,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (view_version_id, feature)
);

-- A baseline is written while its version is a draft or under review (reviewers see it), or added to the active
-- version for a feature that has none; once a version is approved or active its baselines never change.
CREATE FUNCTION feature_baseline_is_frozen() RETURNS trigger AS $$
DECLARE
    version_status text;
BEGIN
    SELECT status INTO version_status FROM feature_view_version
    WHERE id = COALESCE(NEW.view_version_id, OLD.view_version_id);
    IF version_status IS NULL THEN
        RETURN COALESCE(NEW, OLD); -- the version is being deleted with its view
    END IF;
    IF TG_OP = 'INSERT' AND version_status IN ('draft', 'proposed', 'active') THEN
        RETURN NEW;
    END IF;
    IF TG_OP <> 'INSERT' AND version_status IN ('draft', 'proposed') THEN
        RETURN COALESCE(NEW, OLD);
    END IF;
    RAISE EXCEPTION 'the baselines of feature view version % (%) are frozen: propose a new version to change them',
        COALESCE(NEW.view_version_id, OLD.view_version_id), version_status;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER feature_baseline_frozen BEFORE INSERT OR UPDATE OR DELETE ON feature_baseline
    FOR EACH ROW EXECUTE FUNCTION feature_baseline_is_frozen();

-- The latest drift measurement of each feature with a baseline (its history is in the metric history).
CREATE TABLE feature_drift (
    view_version_id bigint           NOT NULL REFERENCES feature_view_version (id) ON DELETE CASCADE,
    feature         text             NOT NULL,
    measured_at     timestamptz      NOT NULL,
    window_start    timestamptz      NOT NULL,
    sample          bigint           NOT NULL,
    psi             double precision,
    status          text             NOT NULL CHECK (status IN ('measured', 'insufficient', 'undefined')),
    detail          text             NOT NULL,
    PRIMARY KEY (view_version_id, feature)
);

-- The drift job reads the entities a view refreshed in its window: those with events known within it.
CREATE INDEX feature_event_by_known_at ON feature_event (view_version_id, known_at);
