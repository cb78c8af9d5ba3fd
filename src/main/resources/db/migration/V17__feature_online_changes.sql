-- Online serving keeps entities' values in memory on each replica (featurestore.OnlineCache) and forgets one
-- when it changes: every change of feature_online is notified on channel feature_online, delivered at commit to
-- every listening replica. The payload is "<view_version_id>:<entity_key>"; a key too long for a notification
-- (8,000 bytes) names the view version alone, and a TRUNCATE says "*" (forget everything).
CREATE FUNCTION feature_online_notify(view_version_id bigint, entity_key text) RETURNS void LANGUAGE sql AS $$
    SELECT pg_notify('feature_online', CASE WHEN octet_length(entity_key) > 7000 THEN view_version_id::text
                                            ELSE view_version_id || ':' || entity_key END)
$$;

CREATE FUNCTION feature_online_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('feature_online', '*');
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM feature_online_notify(OLD.view_version_id, OLD.entity_key);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (OLD.view_version_id, OLD.entity_key)
                                                  IS DISTINCT FROM (NEW.view_version_id, NEW.entity_key)) THEN
        PERFORM feature_online_notify(NEW.view_version_id, NEW.entity_key);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER feature_online_changed AFTER INSERT OR UPDATE OR DELETE ON feature_online
    FOR EACH ROW EXECUTE FUNCTION feature_online_changed();
CREATE TRIGGER feature_online_truncated AFTER TRUNCATE ON feature_online
    FOR EACH STATEMENT EXECUTE FUNCTION feature_online_changed();
