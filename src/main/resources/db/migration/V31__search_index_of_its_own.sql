-- Free text search reads an index of its own, kept up by a background indexer (issue 17, goal 1): the trigram
-- entries of what people wrote were half of what storing a new incident cost a sync. Incidents whose text is new or
-- changed wait in incident_search_pending, written in the sync's transaction; the search reads their text from the
-- incident row until the indexer has moved it here, so that it finds every incident as it is now, indexed or not.
create table incident_search (
    incident_id uuid primary key references incident (id) on delete cascade,
    search_text text not null
);
create table incident_search_pending (
    incident_id uuid primary key,
    queued_at   timestamptz not null
);
insert into incident_search (incident_id, search_text) select id, search_text from incident;
drop index incident_search_trgm_idx;
create index incident_search_trgm_idx on incident_search using gin (search_text gin_trgm_ops);
