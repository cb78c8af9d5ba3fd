-- Reviewed changes to contracts. A version under review may be revised (back to 'proposed', approvals
-- start over; the change request counts the revisions); once active it is immutable.
CREATE OR REPLACE FUNCTION contract_version_is_immutable() RETURNS trigger AS $$
BEGIN
    IF NOT (OLD.status IN ('draft', 'proposed', 'approved') AND NEW.status IN ('draft', 'proposed'))
       AND (NEW.odcs_yaml IS DISTINCT FROM OLD.odcs_yaml
       OR NEW.version IS DISTINCT FROM OLD.version OR NEW.dataset_id IS DISTINCT FROM OLD.dataset_id) THEN
        RAISE EXCEPTION 'contract version % is immutable: write a new version instead', OLD.id;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

-- Teams that consume a dataset: a breaking change to its contract needs an approval from each of them.
CREATE TABLE dataset_consumer (
    dataset_id    bigint      NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    team          text        NOT NULL,
    subscribed_by text        NOT NULL,
    subscribed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dataset_id, team)
);

CREATE TABLE change_request (
    id                  bigserial PRIMARY KEY,
    dataset_id          bigint      NOT NULL REFERENCES dataset (id),
    kind                text        NOT NULL CHECK (kind IN ('change', 'rollback')),
    state               text        NOT NULL CHECK (state IN ('open', 'approved', 'active', 'withdrawn')),
    title               text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    author              text        NOT NULL,
    -- The version that was active when the change was proposed or last revised: what the diff is against.
    base_version_id     bigint      REFERENCES contract_version (id),
    proposed_version_id bigint      NOT NULL REFERENCES contract_version (id),
    impact              text        NOT NULL CHECK (impact IN ('documentation', 'additive', 'breaking')),
    revision            int         NOT NULL DEFAULT 1 CHECK (revision >= 1),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX change_request_by_dataset ON change_request (dataset_id, id DESC);

-- Approvals, requests for changes and comments, each on one revision of a change request; a comment may
-- point at a line of the proposed document. An approval counts for the teams the reviewer approves for.
CREATE TABLE review (
    id                bigserial PRIMARY KEY,
    change_request_id bigint      NOT NULL REFERENCES change_request (id),
    revision          int         NOT NULL,
    reviewer          text        NOT NULL,
    verdict           text        NOT NULL CHECK (verdict IN ('approve', 'request_changes', 'comment')),
    for_teams         text[]      NOT NULL DEFAULT '{}',
    body              text        CHECK (length(body) <= 10000),
    line              int         CHECK (line >= 1),
    created_at        timestamptz NOT NULL
);
CREATE INDEX review_by_change_request ON review (change_request_id, id);
