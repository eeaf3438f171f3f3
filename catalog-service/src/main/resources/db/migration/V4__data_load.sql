-- Who loaded what (issue #8 item 6): every bulk load records the API key id that made it, in the
-- same transaction as the data, for the admins' GET /admin/loads.
create table data_load (
    id        bigserial primary key,
    resource  text        not null,
    key_id    text        not null,
    loaded_at timestamptz not null default clock_timestamp(),
    rows      bigint      not null,
    inserted  bigint      not null,
    updated   bigint      not null,
    unchanged bigint      not null
);

create index data_load_recent on data_load (loaded_at desc, id desc);
