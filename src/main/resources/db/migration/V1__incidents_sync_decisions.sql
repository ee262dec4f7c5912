-- The common incident model (DOMAIN X2): normalized fields beside the channel's raw ones.
create table incident (
    id                        uuid primary key,
    channel_type              text        not null,
    account_id                text        not null,
    kind                      text        not null,
    external_id               text        not null,
    order_id                  text,
    order_line_ids            text[]      not null default '{}',
    skus                      text[]      not null default '{}',
    product_title             text,
    product_image_url         text,
    buyer_name                text,
    reason                    text        not null,
    raw_reason_code           text,
    raw_reason_label          text,
    status                    text        not null,
    channel_status            text        not null,
    raw_status                text,
    -- set while a decision's status is shown instead of the channel's unchanged one
    status_hold_basis         text,
    action_owner              text        not null,
    requested_refund_amount   numeric(19, 4),
    requested_refund_currency char(3),
    product_value_amount      numeric(19, 4),
    product_value_currency    char(3),
    respond_by                timestamptz,
    opened_at                 timestamptz,
    channel_updated_at        timestamptz,
    messages                  jsonb       not null default '[]',
    message_count             integer     not null default 0,
    evidence                  jsonb       not null default '[]',
    raw_payload               jsonb       not null,
    adapter_version           text        not null,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    constraint incident_account_external_uk unique (account_id, external_id)
);
create index incident_recent_idx on incident (updated_at desc, id desc);
create index incident_account_status_idx on incident (account_id, status);

create table timeline_event (
    id          bigserial primary key,
    incident_id uuid        not null references incident (id),
    at          timestamptz not null,
    type        text        not null,
    actor       text        not null,
    summary     text        not null
);
create index timeline_event_incident_idx on timeline_event (incident_id, at);

create table change_event (
    id          bigserial primary key,
    incident_id uuid        not null references incident (id),
    change      text        not null,
    at          timestamptz not null
);

create table incident_note (
    id          bigserial primary key,
    incident_id uuid        not null references incident (id),
    author      text        not null,
    body        text        not null,
    created_at  timestamptz not null
);

-- Sync: one row per channel account, with its cursor and the outcome of the last polls.
create table sync_state (
    account_id          text primary key,
    channel_type        text        not null,
    cursor              text,
    polls               bigint      not null default 0,
    records_stored      bigint      not null default 0,
    records_quarantined bigint      not null default 0,
    last_poll_started   timestamptz,
    last_poll_finished  timestamptz,
    last_success        timestamptz,
    last_error          text,
    last_error_at       timestamptz
);

-- Records that could not be parsed, normalized or stored, kept with their raw bytes and the reason.
create table quarantine (
    id           bigserial primary key,
    account_id   text        not null,
    channel_type text        not null,
    record_ref   text,
    content_type text,
    raw          bytea       not null,
    stage        text        not null,
    error        text        not null,
    created_at   timestamptz not null
);
create index quarantine_account_idx on quarantine (account_id, created_at desc);

-- Decisions double as the outbox: written with the incident's timeline entry, drained by the dispatcher.
create table decision (
    id                uuid primary key,
    incident_id       uuid        not null references incident (id),
    account_id        text        not null,
    channel_type      text        not null,
    type              text        not null,
    payload           jsonb       not null,
    state             text        not null,
    idempotency_key   text        not null unique,
    requested_by      text        not null,
    attempts          integer     not null default 0,
    last_error        text,
    channel_reference text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null default 0
);
create index decision_outbox_idx on decision (created_at) where state = 'REQUESTED';
create index decision_incident_idx on decision (incident_id, created_at);
create index decision_state_idx on decision (state, updated_at);

-- Spring Integration's JDBC lock registry (DDL of spring-integration-jdbc 7.1, schema-postgresql.sql).
create table int_lock (
    lock_key      char(36)     not null,
    region        varchar(100) not null,
    client_id     char(36),
    created_date  timestamp    not null,
    expired_after timestamp    not null,
    constraint int_lock_pk primary key (lock_key, region)
);
