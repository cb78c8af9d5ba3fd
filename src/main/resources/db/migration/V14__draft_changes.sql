-- A change request may start as a draft: its author edits it freely, nobody approves it until it is submitted.
ALTER TABLE change_request DROP CONSTRAINT change_request_state_check;
ALTER TABLE change_request ADD CONSTRAINT change_request_state_check
    CHECK (state IN ('draft', 'open', 'approved', 'active', 'withdrawn'));

-- Feature view versions get the same draft state contract versions have had since V1.
ALTER TABLE feature_view_version DROP CONSTRAINT feature_view_version_status_check;
ALTER TABLE feature_view_version ADD CONSTRAINT feature_view_version_status_check
    CHECK (status IN ('draft', 'proposed', 'approved', 'active', 'deprecated', 'withdrawn'));

CREATE OR REPLACE FUNCTION feature_view_version_is_immutable() RETURNS trigger AS $$
BEGIN
    IF NOT (OLD.status IN ('draft', 'proposed', 'approved') AND NEW.status IN ('draft', 'proposed'))
       AND (NEW.definition_yaml IS DISTINCT FROM OLD.definition_yaml OR NEW.version IS DISTINCT FROM OLD.version
       OR NEW.event_time_field IS DISTINCT FROM OLD.event_time_field
       OR NEW.view_id IS DISTINCT FROM OLD.view_id) THEN
        RAISE EXCEPTION 'feature view version % is immutable: apply a new version instead', OLD.id;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
