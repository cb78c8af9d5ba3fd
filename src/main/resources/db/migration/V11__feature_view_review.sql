-- Feature view versions after the first go through the change-request review, as contract versions do.
ALTER TABLE feature_view_version DROP CONSTRAINT feature_view_version_status_check;
ALTER TABLE feature_view_version ADD CONSTRAINT feature_view_version_status_check
    CHECK (status IN ('proposed', 'approved', 'active', 'deprecated', 'withdrawn'));

-- Before review, every applied version stayed active; from now on a view has one active version, the newest.
UPDATE feature_view_version v SET status = 'deprecated' WHERE status = 'active'
    AND id < (SELECT max(id) FROM feature_view_version w WHERE w.view_id = v.view_id AND w.status = 'active');
CREATE UNIQUE INDEX feature_view_version_one_active ON feature_view_version (view_id) WHERE status = 'active';

-- A version under review may be revised (back to 'proposed'); once active it is immutable.
CREATE OR REPLACE FUNCTION feature_view_version_is_immutable() RETURNS trigger AS $$
BEGIN
    IF NOT (OLD.status IN ('proposed', 'approved') AND NEW.status = 'proposed')
       AND (NEW.definition_yaml IS DISTINCT FROM OLD.definition_yaml OR NEW.version IS DISTINCT FROM OLD.version
       OR NEW.event_time_field IS DISTINCT FROM OLD.event_time_field
       OR NEW.view_id IS DISTINCT FROM OLD.view_id) THEN
        RAISE EXCEPTION 'feature view version % is immutable: apply a new version instead', OLD.id;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

-- Teams that consume a feature view: a breaking change to it needs an approval from each of them.
CREATE TABLE feature_view_consumer (
    view_id       bigint      NOT NULL REFERENCES feature_view (id) ON DELETE CASCADE,
    team          text        NOT NULL,
    subscribed_by text        NOT NULL,
    subscribed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (view_id, team)
);

-- A change request is about a contract (dataset_id, contract versions) or a feature view (feature_view_id,
-- feature view versions); the check keeps each row to exactly one of them.
ALTER TABLE change_request
    ADD COLUMN subject text NOT NULL DEFAULT 'contract' CHECK (subject IN ('contract', 'feature_view')),
    ADD COLUMN feature_view_id bigint REFERENCES feature_view (id) ON DELETE CASCADE,
    ADD COLUMN base_view_version_id bigint REFERENCES feature_view_version (id) ON DELETE CASCADE,
    ADD COLUMN proposed_view_version_id bigint REFERENCES feature_view_version (id) ON DELETE CASCADE,
    ALTER COLUMN dataset_id DROP NOT NULL,
    ALTER COLUMN proposed_version_id DROP NOT NULL,
    ADD CONSTRAINT change_request_one_subject CHECK (
        (subject = 'contract' AND dataset_id IS NOT NULL AND proposed_version_id IS NOT NULL
            AND feature_view_id IS NULL AND base_view_version_id IS NULL AND proposed_view_version_id IS NULL)
        OR (subject = 'feature_view' AND feature_view_id IS NOT NULL AND proposed_view_version_id IS NOT NULL
            AND dataset_id IS NULL AND base_version_id IS NULL AND proposed_version_id IS NULL));
CREATE INDEX change_request_by_feature_view ON change_request (feature_view_id, id DESC)
    WHERE feature_view_id IS NOT NULL;

-- Deleting a feature view takes its change requests along, and with them their reviews.
ALTER TABLE review DROP CONSTRAINT review_change_request_id_fkey;
ALTER TABLE review ADD CONSTRAINT review_change_request_id_fkey
    FOREIGN KEY (change_request_id) REFERENCES change_request (id) ON DELETE CASCADE;
