-- The newsroom's rules, edited live in the desk and versioned: the highest version is in
-- force on every server process (each polls for it). Version 1 comes from --policy or the
-- rules crate's defaults. A save inserts base + 1, so two admins saving on the same base
-- cannot both win (keep in step with the other engine's 0006_policy_versions.sql).
CREATE TABLE policy_versions (
    version BIGINT PRIMARY KEY NOT NULL,
    -- binhluan_rules::Policy as JSON.
    policy TEXT NOT NULL,
    saved_at BIGINT NOT NULL,
    -- The admin's account name, or '--policy' / 'default' for version 1.
    saved_by TEXT NOT NULL
);
