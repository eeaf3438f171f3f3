-- Policies captured from the catalog's events (archive-capture): one archive record per policy,
-- and the newest policy version it holds. Written in the transaction of the archive version, so a
-- replayed or older event finds it and does nothing.
create table policy_capture (
    policy_id       uuid        primary key,
    record_id       uuid        not null unique,
    policy_version  bigint      not null,
    archive_version integer     not null,
    captured_at     timestamptz not null default now()
);
