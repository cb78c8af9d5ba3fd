-- Access: people, their teams and roles, API tokens and the audit log.
CREATE TABLE app_user (
    id            bigserial PRIMARY KEY,
    username      text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9_.-]{0,62}$'),
    display_name  text        NOT NULL,
    -- "pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>": the algorithm and its parameters travel with the hash.
    password_hash text        NOT NULL,
    admin         boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team (
    id         bigserial PRIMARY KEY,
    name       text        NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9_.-]{0,62}$'),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- A team's approvers are its owners.
CREATE TABLE membership (
    user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    team_id bigint NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    role    text   NOT NULL CHECK (role IN ('viewer', 'editor', 'approver')),
    PRIMARY KEY (user_id, team_id)
);

-- Only the SHA-256 of a token is kept; the token itself is shown once, when it is created.
CREATE TABLE api_token (
    id           bigserial PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    token_sha256 text        NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_by_user ON api_token (user_id);

CREATE TABLE audit_log (
    id             bigserial PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT now(),
    actor          text        NOT NULL,
    action         text        NOT NULL,
    subject_type   text,
    subject_id     text,
    details        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    remote_address text
);
CREATE INDEX audit_log_newest ON audit_log (id DESC);
