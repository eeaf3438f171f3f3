-- Transactional outbox (DESIGN.md "Events"): a change and its event commit together;
-- a relay publishes unsent rows to the Redis stream "opendata.events" and marks them sent.
create table outbox_event (
    id           bigint generated always as identity primary key,
    type         text        not null,
    aggregate_id text        not null,
    version      bigint      not null,
    occurred_at  timestamptz not null default now(),
    published_at timestamptz
);

create index outbox_event_unpublished on outbox_event (id) where published_at is null;
