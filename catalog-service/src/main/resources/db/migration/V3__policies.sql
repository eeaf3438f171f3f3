-- Policy documents (政策文件) and their publishing workflow. Validity (有效/失效/废止/已修订) is not
-- stored: it is computed for a day from the dates below, so expiry dates pass by themselves.

create table policy (
    id                     uuid primary key,
    -- bumped by every change (workflow steps included); events and ETags carry it
    version                bigint not null default 1,
    status                 text not null check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED', 'REJECTED')),
    title                  text not null,
    -- 发文字号: canonical spelling, form-independent key (uniqueness), and as written
    document_number        text,
    document_number_key    text,
    document_number_written text,
    document_issuer_code   text,
    document_year          integer,
    document_serial        integer,
    index_number           text,
    issuer                 text not null,
    document_type          text not null,
    subject                text,
    region_code            text not null references region (code),
    written_date           date,
    published_date         date,
    -- in force on D when effective_date <= D < expiry_date / repealed_on / amended_on
    effective_date         date,
    expiry_date            date,
    repealed_on            date,
    repeal_reason          text,
    -- the document replacing this one (repeal with a replacement, or amendment)
    replaced_by            uuid references policy (id),
    amended_on             date,
    -- on a new policy: the one it amends (becomes AMENDED from this one's effective date)
    amends                 uuid references policy (id),
    body                   text not null default '',
    created_by             text not null,
    submitted_by           text,
    approved_by            text,
    rejection_reason       text,
    created_at             timestamptz not null default now(),
    modified               timestamptz not null default now(),
    check (expiry_date is null or effective_date is null or expiry_date > effective_date)
);

-- Document number + issuer is unique among published policies.
create unique index policy_published_number on policy (issuer, document_number_key)
    where status = 'PUBLISHED' and document_number_key is not null;
create index policy_modified on policy (modified);
create index policy_published_date on policy (published_date, id);
create index policy_region on policy (region_code);
create index policy_effective on policy (effective_date);

-- Every workflow step: who, when, and a comment (the reason for a rejection or a repeal).
create table policy_transition (
    id          bigint generated always as identity primary key,
    policy_id   uuid not null references policy (id),
    action      text not null,
    from_status text,
    to_status   text not null,
    actor       text not null,
    at          timestamptz not null default now(),
    comment     text
);
create index policy_transition_policy on policy_transition (policy_id, id);

-- 政策解读: linked documents with their own title, body and date.
create table policy_interpretation (
    id             uuid primary key,
    policy_id      uuid not null references policy (id) on delete cascade,
    position       integer not null,
    title          text not null,
    body           text not null,
    published_date date
);
create index policy_interpretation_policy on policy_interpretation (policy_id, position);

-- Attachments: content in the attachment store (by SHA-256), extracted text here for screening
-- and search.
create table policy_attachment (
    id             uuid primary key,
    policy_id      uuid not null references policy (id),
    file_name      text not null,
    media_type     text not null,
    size           bigint not null,
    sha256         text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    extracted_text text not null default '',
    created_by     text not null,
    created_at     timestamptz not null default now()
);
create index policy_attachment_policy on policy_attachment (policy_id, created_at);

-- The policies' change counter: part of list ETags and cache keys.
create sequence policy_change;
