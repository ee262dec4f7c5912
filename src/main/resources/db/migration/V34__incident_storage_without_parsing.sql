-- What PostgreSQL did for each new incident that nobody used (issue 17, goal 1: a page of 1,000 new incidents took
-- about 50 ms of the server's time for the incident rows alone, 35 ms without these).
--
-- 1. Documents the application writes and reads whole, never queries inside: the channel's raw payload, the event
--    data and the timeline text. jsonb parsed each into a tree on the way in (the largest part of an insert) and
--    printed it back on the way out; json only checks that it is JSON and keeps the text as it came, which for the
--    raw payload is also more faithful: the channel's own order of keys and numbers as written.
alter table incident alter column raw_payload type json using raw_payload::json;
alter table event alter column data type json using data::json;
alter table timeline_event alter column text type json using text::json;

-- 2. Large documents compressed with lz4 where the server has it (a Debian build has; a build without keeps pglz):
--    a fraction of pglz's cost for the payloads and messages that go over PostgreSQL's 2 KB row limit.
do $$
begin
    alter table incident alter column raw_payload set compression lz4;
    alter table incident alter column messages set compression lz4;
    alter table incident alter column channel_details set compression lz4;
    alter table incident alter column evidence set compression lz4;
exception when feature_not_supported then
    raise notice 'lz4 not available: incident documents stay compressed with pglz';
end $$;

-- 3. closed_at of a new incident is written by the application with the row (IncidentUpserts). A row trigger before
--    insert ran a function for every new row and made COPY store rows one at a time instead of in batches; the trigger
--    (V24's function, whose branch for an insert no longer runs) stays for the updates that move a status, on every
--    path.
drop trigger incident_closed_at on incident;
create trigger incident_closed_at before update of status on incident
    for each row execute function incident_closed_at();
