-- The inbox's tab counts without counting a million rows (issue 17): the database keeps how many incidents each
-- channel, account, kind, status and first-absence mark has, as rows of deltas that triggers append per statement
-- (append-only, so that syncs of different accounts never wait on one counter row) and that a compaction sums up
-- from time to time (TabCounters). The unfiltered and account-only counts read them; any other filter counts rows.
create table incident_count (
    id            bigserial primary key,
    channel_type  text    not null,
    account_id    text    not null,
    kind          text    not null,
    status        text    not null,
    first_absence boolean not null,
    delta         bigint  not null
);
create index incident_count_account_idx on incident_count (account_id);

insert into incident_count (channel_type, account_id, kind, status, first_absence, delta)
select channel_type, account_id, kind, status, 'FIRST_ABSENCE' = any(flags), count(*)
from incident group by 1, 2, 3, 4, 5;

create function incident_count_inserted() returns trigger language plpgsql as $$
begin
    insert into incident_count (channel_type, account_id, kind, status, first_absence, delta)
    select channel_type, account_id, kind, status, 'FIRST_ABSENCE' = any(flags), count(*)
    from inserted group by 1, 2, 3, 4, 5;
    return null;
end $$;

create function incident_count_deleted() returns trigger language plpgsql as $$
begin
    insert into incident_count (channel_type, account_id, kind, status, first_absence, delta)
    select channel_type, account_id, kind, status, 'FIRST_ABSENCE' = any(flags), -count(*)
    from deleted group by 1, 2, 3, 4, 5;
    return null;
end $$;

-- an update moves incidents between counters only when their status, mark, kind, account or channel changed
create function incident_count_updated() returns trigger language plpgsql as $$
begin
    insert into incident_count (channel_type, account_id, kind, status, first_absence, delta)
    select channel_type, account_id, kind, status, first_absence, sum(delta)
    from (select channel_type, account_id, kind, status, 'FIRST_ABSENCE' = any(flags) as first_absence, 1 as delta
          from updated_new
          union all
          select channel_type, account_id, kind, status, 'FIRST_ABSENCE' = any(flags), -1
          from updated_old) moves
    group by 1, 2, 3, 4, 5
    having sum(delta) <> 0;
    return null;
end $$;

create trigger incident_count_insert after insert on incident referencing new table as inserted
    for each statement execute function incident_count_inserted();
create trigger incident_count_delete after delete on incident referencing old table as deleted
    for each statement execute function incident_count_deleted();
create trigger incident_count_update after update on incident referencing old table as updated_old new table as updated_new
    for each statement execute function incident_count_updated();
