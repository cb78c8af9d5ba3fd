-- Every change to a view version's events, numbered per version in commit order (the counter row stays locked
-- until the changing transaction ends, so the next change waits for it). The point-in-time join keeps a version's
-- events in memory (transform.EventCache) with the number they were read at; a later join uses them while every
-- change since appended only events known at or after its latest label, which it could not fold anyway.
-- earliest_known_at is the earliest known-at among a change's inserted events; -infinity for deletes, updates and
-- truncation, which no copy survives.
CREATE TABLE feature_event_changes (
    view_version_id bigint PRIMARY KEY,
    changes         bigint NOT NULL
);

CREATE TABLE feature_event_change (
    view_version_id   bigint      NOT NULL,
    change_no         bigint      NOT NULL,
    earliest_known_at timestamptz NOT NULL,
    PRIMARY KEY (view_version_id, change_no)
);

CREATE FUNCTION feature_event_note(versions bigint[], earliest timestamptz[]) RETURNS void LANGUAGE sql AS $$
    WITH changed AS (SELECT * FROM unnest(versions, earliest) AS u (view_version_id, earliest_known_at)),
         numbered AS (
             INSERT INTO feature_event_changes AS n (view_version_id, changes)
             SELECT view_version_id, 1 FROM changed ORDER BY view_version_id
             ON CONFLICT (view_version_id) DO UPDATE SET changes = n.changes + 1
             RETURNING view_version_id, changes)
    INSERT INTO feature_event_change (view_version_id, change_no, earliest_known_at)
    SELECT view_version_id, changes, earliest_known_at FROM numbered JOIN changed USING (view_version_id)
$$;

CREATE FUNCTION feature_event_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM feature_event_note(array_agg(view_version_id), array_agg(earliest))
    FROM (SELECT view_version_id, min(known_at) AS earliest FROM inserted_rows GROUP BY view_version_id) c;
    RETURN NULL;
END $$;

CREATE FUNCTION feature_event_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM feature_event_note(array_agg(view_version_id), array_agg('-infinity'::timestamptz))
    FROM (SELECT DISTINCT view_version_id FROM removed_rows) c;
    RETURN NULL;
END $$;

CREATE FUNCTION feature_event_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM feature_event_note(array_agg(view_version_id), array_agg('-infinity'::timestamptz))
    FROM (SELECT view_version_id FROM removed_rows UNION SELECT view_version_id FROM inserted_rows) c;
    RETURN NULL;
END $$;

CREATE FUNCTION feature_event_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM feature_event_note(array_agg(view_version_id), array_agg('-infinity'::timestamptz))
    FROM feature_event_changes;
    RETURN NULL;
END $$;

CREATE TRIGGER feature_event_inserted AFTER INSERT ON feature_event REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION feature_event_inserted();
CREATE TRIGGER feature_event_deleted AFTER DELETE ON feature_event REFERENCING OLD TABLE AS removed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION feature_event_deleted();
CREATE TRIGGER feature_event_updated AFTER UPDATE ON feature_event
    REFERENCING OLD TABLE AS removed_rows NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION feature_event_updated();
CREATE TRIGGER feature_event_truncated AFTER TRUNCATE ON feature_event
    FOR EACH STATEMENT EXECUTE FUNCTION feature_event_truncated();
