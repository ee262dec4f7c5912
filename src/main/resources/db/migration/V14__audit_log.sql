-- The audit log (issue 13, X6): every change, by whom, from where, with its outcome. Append-only: the database
-- refuses to change or delete a row.
create table audit_event (
    id          bigserial primary key,
    at          timestamptz not null,
    actor       text        not null,
    address     text,
    action      text        not null,
    target      text,
    outcome     integer     not null
);
create index audit_event_actor_idx on audit_event (actor, id);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end;
$$;
create trigger audit_event_no_change before update or delete on audit_event
    for each row execute function audit_event_append_only();
