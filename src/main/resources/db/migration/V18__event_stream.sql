-- The event stream for ERPs (issue 14, X7): written in the transaction of the change it describes, numbered in
-- commit order like the change feed (seq is given by one sequencer, above every number given before), read by
-- GET /api/events, the webhook deliveries and the AMQP publisher.
create table event (
    internal_id  bigserial primary key,
    seq          bigint,
    id           uuid        not null,
    type         text        not null,
    incident_id  uuid,
    channel_type text,
    account_id   text,
    data         jsonb       not null,
    at           timestamptz not null
);
create unique index event_id_uk on event (id);
create unique index event_seq_uk on event (seq);
create index event_unsequenced_idx on event (internal_id) where seq is null;
create index event_at_idx on event (at);

-- The highest sequence number removed by retention: a reader asking for older events is told it missed them.
create table event_retention (
    only_row        boolean primary key default true check (only_row),
    purged_through  bigint  not null
);
insert into event_retention (purged_through) values (0);

-- How far each reader that pushes (the AMQP publisher) has gone, moved only after the broker confirmed.
create table event_cursor (
    name  text   primary key,
    seq   bigint not null
);

-- References an ERP attaches to an incident (its case number, its credit note), one value per name.
create table incident_external_ref (
    incident_id uuid not null references incident (id),
    name        text not null,
    value       text not null,
    set_by      text not null,
    set_at      timestamptz not null,
    primary key (incident_id, name)
);
create index incident_external_ref_value_idx on incident_external_ref (name, value);

-- When a bulk run's last item settled and bulk.completed was written: once per run.
alter table bulk_decision add column completed_at timestamptz;
create index bulk_decision_item_decision_idx on bulk_decision_item (decision_id);
