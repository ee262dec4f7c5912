-- An incident's timeline entries and change feed rows are written only in the transaction that creates or changes
-- the incident, after it (IncidentUpserts, IncidentOutcomes, IncidentStore), and incidents are never deleted by the
-- application. The foreign keys checked that row by row, each check locking the incident row once more (a lock
-- written to the row and to the WAL): a third of what storing a page's timeline and change feed cost (issue 17).
alter table timeline_event drop constraint timeline_event_incident_id_fkey;
alter table change_event drop constraint change_event_incident_id_fkey;
