-- Backups (POST /backups): each writes a BagIt bag of the OCFL objects changed since the previous
-- successful backup (a chain), plus the management records, to every configured target.
-- backup_object remembers which inventory (by its sidecar digest) each backup holds, so the next
-- backup copies only objects whose inventory changed. Restore recreates these rows from the bags.
create table backup (
    id               uuid primary key,           -- = the job's id, and the bag's directory name
    previous_id      uuid,                       -- the backup this one is incremental to
    state            text        not null check (state in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    requested_by     text        not null,
    started_at       timestamptz not null,
    finished_at      timestamptz,
    objects_total    int         not null default 0,
    objects_copied   int         not null default 0,
    bytes_copied     bigint      not null default 0,
    targets          text        not null,
    error            text
);
create index backup_started on backup (started_at desc);

create table backup_object (
    backup_id        uuid        not null references backup (id) on delete cascade,
    object_id        text        not null,
    object_root      text        not null,
    inventory_digest text        not null,
    primary key (backup_id, object_id)
);
create index backup_object_object on backup_object (object_id);
