-- The inbox (issue 7): free text served by a trigram index instead of a sequential scan, sort by deadline.
create extension if not exists pg_trgm;
alter table incident add column search_text text generated always as (lower(
    coalesce(external_id, '') || ' ' || coalesce(order_id, '') || ' ' || coalesce(product_title, '') || ' '
    || coalesce(buyer_name, '') || ' ' || coalesce(raw_reason_label, '') || ' ' || messages::text)) stored;
create index incident_search_trgm_idx on incident using gin (search_text gin_trgm_ops);
-- Incidents without a deadline sort last; the far date stands for "none".
create index incident_deadline_idx on incident ((coalesce(respond_by, timestamptz '9999-12-31 00:00:00+00')), id);

-- Groups (DOMAIN A3, X3): a manual group lists its incidents; a rule group stores a filter and has no list.
create table incident_group (
    id         uuid primary key,
    name       text        not null,
    rule       jsonb,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create unique index incident_group_name_uk on incident_group (lower(name));

create table incident_group_member (
    group_id    uuid        not null references incident_group (id) on delete cascade,
    incident_id uuid        not null references incident (id) on delete cascade,
    added_at    timestamptz not null,
    primary key (group_id, incident_id)
);
create index incident_group_member_incident_idx on incident_group_member (incident_id);

-- Bulk decisions: the plan of a dry run (every selected incident, eligible or not and why), then its execution,
-- one decision per eligible incident through the outbox.
create table bulk_decision (
    id             uuid primary key,
    requested_by   text        not null,
    decision_type  text        not null,
    template       jsonb       not null,
    selection      text        not null,
    state          text        not null,
    created_at     timestamptz not null,
    confirmed_at   timestamptz,
    updated_at     timestamptz not null
);

create table bulk_decision_item (
    bulk_id     uuid    not null references bulk_decision (id) on delete cascade,
    incident_id uuid    not null references incident (id) on delete cascade,
    position    integer not null,
    eligible    boolean not null,
    refusal     text,
    why         text,
    command     jsonb,
    decision_id uuid,
    primary key (bulk_id, incident_id)
);
create index bulk_decision_item_position_idx on bulk_decision_item (bulk_id, position);
