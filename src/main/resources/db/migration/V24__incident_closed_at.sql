-- When an incident ended (issue 16, X9: time to resolution): set by the database on every path that moves the status,
-- cleared when the channel opens it again. Incidents closed before this migration get their last change.
alter table incident add column closed_at timestamptz;

create function incident_closed_at() returns trigger language plpgsql as $$
begin
    if new.status in ('RESOLVED', 'CLOSED', 'REJECTED', 'CANCELLED') then
        if tg_op = 'INSERT' or old.status not in ('RESOLVED', 'CLOSED', 'REJECTED', 'CANCELLED') then
            new.closed_at := coalesce(new.updated_at, now());
        end if;
    else
        new.closed_at := null;
    end if;
    return new;
end $$;

create trigger incident_closed_at before insert or update of status on incident
    for each row execute function incident_closed_at();

update incident set closed_at = updated_at where status in ('RESOLVED', 'CLOSED', 'REJECTED', 'CANCELLED');
create index incident_opened_idx on incident (coalesce(opened_at, created_at));
