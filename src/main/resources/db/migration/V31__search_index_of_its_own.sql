-- Free text search reads an index of its own, kept up by a background indexer (issue 17, goal 1): the trigram
-- entries of what people wrote were half of what storing a new incident cost a sync. A sync queues a new or changed
-- incident by leaving its text here empty (NULL), in its own transaction; the indexer fills it in later. The search
-- checks the incident row's own text, and narrows the rows to check with this index and the queued ones, so that it
-- finds every incident as it is now, indexed or not.
create table incident_search (
    incident_id uuid primary key,
    search_text text
);
insert into incident_search (incident_id, search_text) select id, search_text from incident;
drop index incident_search_trgm_idx;
create index incident_search_trgm_idx on incident_search using gin (search_text gin_trgm_ops);
create index incident_search_queued_idx on incident_search (incident_id) where search_text is null;
