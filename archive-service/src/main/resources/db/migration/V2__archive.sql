-- The archive's PostgreSQL schema. Two kinds of tables:
--  * the query INDEX (record, record_version): derived from the OCFL storage root and rebuilt
--    from it by POST /admin/index-rebuild — never the source of truth;
--  * archive MANAGEMENT records (retention changes, holds, dispositions, tombstones, the
--    destruction register, the audit log, jobs): decisions about the records, kept here (and in
--    backups), never touched by an index rebuild. Hence no foreign keys from them to the index.

create table record (
    id               uuid primary key,
    object_id        text        not null unique,
    title            text        not null,
    document_number  text,        -- 发文字号, canonical spelling (document-number module)
    document_number_key text,     -- its form-independent key: exact lookups
    document_issuer_code text,    -- 机关代字: partial lookups without a year
    issuer           text,
    document_date    date,
    retention_class  text        not null check (retention_class in ('PERMANENT', 'Y30', 'Y10')),
    disposition_date date,       -- computed by RetentionClass.dispositionDate; null = PERMANENT
    series           text,
    source_reference text,
    access           text        not null check (access in ('PUBLIC', 'RESTRICTED')),
    head_version     int         not null,
    valid            boolean     not null,
    problems         text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index record_document_number_key on record (document_number_key text_pattern_ops);
create index record_document_issuer_code on record (document_issuer_code);
create index record_document_date on record (document_date desc, id);
create index record_disposition_date on record (disposition_date) where disposition_date is not null;
create index record_title_lower on record (lower(title) text_pattern_ops);

create table record_version (
    record_id        uuid        not null references record (id) on delete cascade,
    version          int         not null,
    created_at       timestamptz not null,
    user_name        text,
    user_address     text,
    message          text,
    content_path     text,
    filename         text,
    media_type       text,
    size             bigint,
    digest_algorithm text        not null,
    digest           text,
    primary key (record_id, version)
);
create index record_version_created on record_version (record_id, created_at);

-- Appraisal decisions that lengthened a record's retention (never shortened: enforced in code
-- and by the check that the new class ranks higher).
create table retention_change (
    id              bigint generated always as identity primary key,
    record_id       uuid        not null,
    from_class      text        not null,
    to_class        text        not null,
    reason          text        not null,
    changed_by      text        not null,
    changed_at      timestamptz not null default now()
);
create index retention_change_record on retention_change (record_id, id);

create table legal_hold (
    id              uuid primary key,
    record_id       uuid        not null,
    reason          text        not null,
    placed_by       text        not null,
    placed_at       timestamptz not null,
    released_by     text,
    released_at     timestamptz,
    release_reason  text
);
create index legal_hold_active on legal_hold (record_id) where released_at is null;

create table disposition (
    id              uuid primary key,
    state           text        not null check (state in ('PENDING', 'EXECUTED')),
    reason          text        not null,
    proposed_by     text        not null,
    proposed_at     timestamptz not null,
    approved_by     text,
    approved_at     timestamptz,
    check (approved_by is null or approved_by <> proposed_by)
);

create table disposition_record (
    disposition_id  uuid not null references disposition (id),
    record_id       uuid not null,
    primary key (disposition_id, record_id)
);

-- What remains of a destroyed record: GET /records/{id} answers 410 with it.
create table tombstone (
    record_id       uuid primary key,
    object_id       text        not null,
    title           text        not null,
    document_number text,
    disposition_id  uuid        not null references disposition (id),
    destroyed_at    timestamptz not null
);

-- 销毁清册: append-only, kept forever.
create table destruction_register (
    sequence         bigint generated always as identity primary key,
    disposition_id   uuid        not null references disposition (id),
    record_id        uuid        not null,
    object_id        text        not null,
    title            text        not null,
    document_number  text,
    document_date    date,
    retention_class  text        not null,
    disposition_date date,
    reason           text        not null,
    proposed_by      text        not null,
    approved_by      text        not null,
    destroyed_at     timestamptz not null,
    versions         int         not null,
    last_digest      text
);

-- Hash-chained audit log: hash = sha256(previous_hash | canonical fields).
create table audit_entry (
    sequence        bigint primary key,
    at              timestamptz not null,
    actor           text        not null,
    role            text,
    action          text        not null,
    record_id       uuid,
    detail          text,
    previous_hash   text        not null,
    hash            text        not null
);
create index audit_entry_record on audit_entry (record_id, sequence);

create table job (
    id              uuid primary key,
    type            text        not null,
    state           text        not null,
    processed       bigint      not null,
    total           bigint,
    submitted_by    text,
    submitted_at    timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    updated_at      timestamptz not null,
    error           text,
    problem_count   bigint      not null,
    problems        text        not null
);
create index job_unfinished on job (submitted_at) where state in ('QUEUED', 'RUNNING');
