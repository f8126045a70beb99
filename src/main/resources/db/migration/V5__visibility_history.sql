-- Visibility history: per target, what detection computed, at most once a minute, for the charts sent
-- with outage messages and on /chart. Kept for detection.history-keep (14 days by default), then pruned.
-- visible_share: share of the target's address space visible (0..1, families weighed equally);
-- peers_seeing / peers_baseline: the best-seen prefix's RIS peers now and normally.
CREATE TABLE visibility_sample (
    target_key     VARCHAR(64) NOT NULL,
    sampled_at     BIGINT      NOT NULL,
    visible_share  DOUBLE PRECISION NOT NULL,
    peers_seeing   INTEGER     NOT NULL,
    peers_baseline INTEGER     NOT NULL,
    PRIMARY KEY (target_key, sampled_at)
);
CREATE INDEX visibility_sample_by_time ON visibility_sample (sampled_at);
