-- Core state: what we watch, what we saw, what happened. Same file for SQLite and PostgreSQL;
-- ${id_pk} is an auto-increment primary key in each dialect. Times are epoch milliseconds (UTC).

CREATE TABLE target (
    target_key      VARCHAR(64) PRIMARY KEY,
    name            TEXT        NOT NULL,
    country_code    VARCHAR(2),
    prefixes        TEXT        NOT NULL,
    resolved_at     BIGINT,
    confirmed       VARCHAR(16),
    candidate       VARCHAR(16),
    candidate_count INTEGER     NOT NULL DEFAULT 0,
    pending_since   BIGINT,
    last_good_at    BIGINT,
    degraded_since  BIGINT,
    outage_id       BIGINT,
    outage_start    BIGINT,
    first_seen_at   BIGINT      NOT NULL,
    updated_at      BIGINT      NOT NULL
);

CREATE TABLE prefix_state (
    prefix      VARCHAR(64) PRIMARY KEY,
    visibility  VARCHAR(16) NOT NULL,
    baseline    DOUBLE PRECISION NOT NULL,
    peers_now   INTEGER     NOT NULL,
    upstreams   TEXT        NOT NULL,
    observed_at BIGINT,
    dark_since  BIGINT
);

CREATE TABLE outage (
    id          ${id_pk},
    target_key  VARCHAR(64) NOT NULL,
    started_at  BIGINT      NOT NULL,
    ended_at    BIGINT,
    severity    VARCHAR(16) NOT NULL,
    worst       VARCHAR(16) NOT NULL
);
CREATE INDEX outage_by_target ON outage (target_key, started_at);

CREATE TABLE event (
    id          ${id_pk},
    target_key  VARCHAR(64) NOT NULL,
    outage_id   BIGINT,
    type        VARCHAR(32) NOT NULL,
    at          BIGINT      NOT NULL,
    created_at  BIGINT      NOT NULL,
    payload     TEXT        NOT NULL
);
CREATE INDEX event_by_target ON event (target_key, at);
