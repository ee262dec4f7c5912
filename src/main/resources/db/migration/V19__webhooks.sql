-- Webhook endpoints and their deliveries (issue 14, X7), signed as Standard Webhooks say.
create table webhook_endpoint (
    id                    uuid primary key,
    url                   text        not null,
    description           text,
    event_types           text[]      not null,
    accounts              text[]      not null,
    enabled               boolean     not null,
    timeout_ms            integer     not null,
    secret                text        not null,
    previous_secret       text,
    previous_secret_until timestamptz,
    disabled_reason       text,
    disabled_at           timestamptz,
    failing_since         timestamptz,
    -- events up to this sequence number have their deliveries
    cursor                bigint      not null,
    created_by            text        not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);

-- One row per event to deliver to one endpoint. order_key is the incident (or a key of its own for events that
-- need no order): a delivery waits while an older one of the same key and endpoint is pending.
create table webhook_delivery (
    id               bigserial primary key,
    endpoint_id      uuid        not null references webhook_endpoint (id) on delete cascade,
    event_seq        bigint      not null,
    event_id         uuid        not null,
    event_type       text        not null,
    order_key        text        not null,
    state            text        not null,
    replay           boolean     not null default false,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    leased_until     timestamptz,
    first_attempt_at timestamptz,
    last_attempt_at  timestamptz,
    last_status      integer,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz not null
);
create unique index webhook_delivery_once_uk on webhook_delivery (endpoint_id, event_seq) where not replay;
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where state = 'PENDING';
create index webhook_delivery_order_idx on webhook_delivery (endpoint_id, order_key, event_seq) where state = 'PENDING';
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, id);

-- Every HTTP attempt, for the delivery log: status, latency, the start of the answer.
create table webhook_attempt (
    id               bigserial primary key,
    delivery_id      bigint      not null references webhook_delivery (id) on delete cascade,
    at               timestamptz not null,
    status           integer,
    latency_ms       integer     not null,
    response_excerpt text,
    error            text
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, id);

-- Events meant for one endpoint only ("send a test event"): delivered there, not in the stream.
alter table event add column target_endpoint uuid;
