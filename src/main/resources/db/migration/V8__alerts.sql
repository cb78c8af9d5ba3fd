-- Alerts: one row per condition episode (rule + labels), pending → firing → resolved; never one per evaluation.
CREATE TABLE alert (
    id           bigserial PRIMARY KEY,
    fingerprint  text        NOT NULL,
    rule         text        NOT NULL,
    labels       jsonb       NOT NULL,
    severity     text        NOT NULL,
    state        text        NOT NULL CHECK (state IN ('pending', 'firing', 'resolved')),
    summary      text        NOT NULL,
    value        double precision,
    active_since timestamptz NOT NULL,
    fired_at     timestamptz,
    resolved_at  timestamptz,
    evaluated_at timestamptz NOT NULL
);
-- At most one open episode per condition.
CREATE UNIQUE INDEX alert_one_open ON alert (fingerprint) WHERE state IN ('pending', 'firing');
CREATE INDEX alert_newest ON alert (id DESC);

-- Aggregation groups of the routing tree: what the receiver was last told, and when to look again.
CREATE TABLE alert_group (
    group_key        text        PRIMARY KEY,
    route_id         text        NOT NULL,
    receiver         text        NOT NULL,
    group_labels     jsonb       NOT NULL,
    created_at       timestamptz NOT NULL,
    next_flush_at    timestamptz NOT NULL,
    last_notified_at timestamptz,
    notified_firing  text[]      NOT NULL DEFAULT '{}'
);

-- Silences: alerts matching every matcher between starts_at and ends_at are not notified.
CREATE TABLE silence (
    id         bigserial PRIMARY KEY,
    matchers   jsonb       NOT NULL,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    created_by text        NOT NULL,
    comment    text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expired_by text,
    CHECK (ends_at > starts_at OR expired_by IS NOT NULL)
);
CREATE INDEX silence_active ON silence (ends_at);

-- The outbox: one row per message to a receiver, written with the state change that caused it.
CREATE TABLE notification (
    id               bigserial PRIMARY KEY,
    receiver         text        NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('pagerduty', 'slack', 'webhook')),
    url              text        NOT NULL,
    group_key        text,
    status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    summary          text        NOT NULL,
    body             text        NOT NULL,
    created_at       timestamptz NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    attempts         int         NOT NULL DEFAULT 0,
    last_status_code int,
    last_error       text,
    sent_at          timestamptz
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_newest ON notification (id DESC);
