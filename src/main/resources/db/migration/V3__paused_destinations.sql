-- Destinations delivery is paused for: the platform said the bot may not post there for now (its rights
-- were taken), so their messages wait and are retried rarely. One row per destination while it lasts, so
-- the operators are told once per pause, even by several instances sharing the database; the row goes when
-- a message to the destination goes through again (or it ends or moves).
-- The outbox gains one finished state, without a schema change: REJECTED, a message the platform can never
-- accept (too long, unparsable markup); only that message is dropped, the destination's others go on.
CREATE TABLE paused_destination (
    destination VARCHAR(160) PRIMARY KEY,
    platform    VARCHAR(16)  NOT NULL,
    reason      TEXT         NOT NULL,
    since       BIGINT       NOT NULL
);
