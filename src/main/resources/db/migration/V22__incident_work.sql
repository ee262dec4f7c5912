-- A seller's own work on an incident (issue 16, X9): who owns it, whether it is pinned, whether it is snoozed.
-- Kept apart from the incident row, which only a sync writes; a change from the channel ends a snooze.
create table incident_work (
    incident_id   uuid primary key references incident (id) on delete cascade,
    assignee      text,
    assigned_by   text,
    assigned_at   timestamptz,
    pinned        boolean not null default false,
    snoozed_by    text,
    snoozed_at    timestamptz,
    snoozed_until timestamptz, -- null while snoozed: until the channel changes it
    check (snoozed_until is null or snoozed_at is not null)
);
create index incident_work_assignee on incident_work (assignee) where assignee is not null;
create index incident_work_pinned on incident_work (incident_id) where pinned;
create index incident_work_snoozed on incident_work (incident_id) where snoozed_at is not null;

-- Automatic assignment per account: whose turn it is next among the chosen users (round robin).
create table assignment_turn (
    account_id text primary key,
    turn       bigint not null
);
