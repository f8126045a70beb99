-- Destinations the platform confirmed gone for good (chat deleted, bot removed or blocked) that the config
-- still subscribes: fan-out leaves them out, so each new event does not fail, and warn, once more. The row
-- goes when the config no longer lists the destination, when it subscribes by command again (the bot is back
-- there) or at start-up (the operator may have added the bot back: one try, and one warning, per start).
CREATE TABLE gone_destination (
    destination VARCHAR(160) PRIMARY KEY,
    platform    VARCHAR(16)  NOT NULL,
    reason      TEXT         NOT NULL,
    since       BIGINT       NOT NULL
);
