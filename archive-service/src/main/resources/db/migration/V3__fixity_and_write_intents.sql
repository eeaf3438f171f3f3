-- Fixity audits (POST /fixity-audits, and the daily scheduled one): one row per audit (its job
-- has the same id) and one row per problem found, so that GET /fixity-audits/{id} lists every
-- problem, not only the first hundred the job keeps. Management records: a rebuild keeps them.
create table fixity_audit (
    id               uuid primary key,           -- = the job's id
    trigger          text        not null check (trigger in ('MANUAL', 'SCHEDULED')),
    requested_by     text        not null,
    started_at       timestamptz not null,
    finished_at      timestamptz,
    objects_checked  bigint      not null default 0,
    objects_invalid  bigint      not null default 0
);
create index fixity_audit_started on fixity_audit (started_at desc);

create table fixity_problem (
    audit_id         uuid        not null references fixity_audit (id) on delete cascade,
    seq              int         not null,
    object_root      text        not null,
    object_id        text,
    record_id        uuid,
    code             text,
    message          text        not null,
    primary key (audit_id, seq)
);
create index fixity_problem_record on fixity_problem (record_id);

-- Crash safety: a write records its intent (committed on its own) before it touches the OCFL
-- root, and deletes it in the same transaction as the index rows. An intent that survives its
-- process therefore marks an OCFL write whose index rows never committed; start-up (and a
-- periodic sweep) rolls such objects back to the version the index knows. owner = the instance
-- that wrote it, alive while it holds the session advisory lock owner_lock.
create table write_intent (
    id               uuid primary key,
    object_id        text        not null,
    record_id        uuid        not null,
    expected_head    int         not null,   -- the version the index has; 0 = a new object
    owner            uuid        not null,
    owner_lock       bigint      not null,
    created_at       timestamptz not null default now()
);
create index write_intent_owner on write_intent (owner_lock);
