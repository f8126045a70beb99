-- Notification state: who follows what, what was told to whom, and the messages still to deliver.
-- Same file for SQLite and PostgreSQL; ${id_pk} is an auto-increment primary key in each dialect.
-- Times are epoch milliseconds (UTC). A destination is stored as its key ("telegram:-1001234").

-- A destination following a target. kind: STATIC (from the config, re-synced at start) or DYNAMIC
-- (chat commands). A destination may hold both kinds for one target; only DYNAMIC counts to its limit.
CREATE TABLE subscription (
    id          ${id_pk},
    destination VARCHAR(160) NOT NULL,
    platform    VARCHAR(16)  NOT NULL,
    target_key  VARCHAR(64)  NOT NULL,
    kind        VARCHAR(8)   NOT NULL,
    created_at  BIGINT       NOT NULL
);
CREATE UNIQUE INDEX subscription_unique ON subscription (destination, target_key, kind);
CREATE INDEX subscription_by_target ON subscription (target_key);
CREATE INDEX subscription_by_platform ON subscription (platform);

-- What was told to whom: one row per (destination, outage). A restoration goes to exactly these rows.
-- how: ANNOUNCED (we sent the outage message) or JOINED (subscribed mid-outage, told in the answer).
-- message_ref is the platform id of the outage message once sent (edited and replied to on restoration).
CREATE TABLE notification_log (
    destination  VARCHAR(160) NOT NULL,
    outage_id    BIGINT       NOT NULL,
    target_key   VARCHAR(64)  NOT NULL,
    how          VARCHAR(10)  NOT NULL,
    told_at      BIGINT       NOT NULL,
    last_told_at BIGINT       NOT NULL,
    message_ref  TEXT,
    resolved_at  BIGINT,
    PRIMARY KEY (destination, outage_id)
);
CREATE INDEX notification_log_by_outage ON notification_log (outage_id);

-- The outbox: every message to deliver, written in the transaction of the event that caused it.
-- state: PENDING (to send, or retrying, or claimed by a worker until claimed_until), then one of
-- SENT, SKIPPED (an edit with nothing to edit), FAILED (permanent), DROPPED (too old, or the destination
-- went away). reason says why the row exists (OUTAGE, CHANGE, RESOLVED_EDIT, RESTORATION, REMINDER, MONITORING).
CREATE TABLE outbox (
    id                  ${id_pk},
    destination         VARCHAR(160) NOT NULL,
    platform            VARCHAR(16)  NOT NULL,
    action              VARCHAR(8)   NOT NULL,
    reason              VARCHAR(16)  NOT NULL,
    target_key          VARCHAR(64),
    event_id            BIGINT,
    outage_id           BIGINT,
    payload             TEXT         NOT NULL,
    state               VARCHAR(8)   NOT NULL,
    attempts            INTEGER      NOT NULL DEFAULT 0,
    created_at          BIGINT       NOT NULL,
    next_attempt_at     BIGINT       NOT NULL,
    claimed_until       BIGINT,
    claimed_by          VARCHAR(64),
    finished_at         BIGINT,
    platform_message_id TEXT,
    last_error          TEXT
);
-- the delivery queue: only pending rows, per platform in id order and per destination (ordering check)
CREATE INDEX outbox_pending ON outbox (platform, id) WHERE state = 'PENDING';
CREATE INDEX outbox_pending_by_destination ON outbox (destination, id) WHERE state = 'PENDING';
CREATE INDEX outbox_finished ON outbox (finished_at) WHERE state <> 'PENDING';
