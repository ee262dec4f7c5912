-- What a sync last stored for an incident, as one hash of the adapter version and the whole normalized snapshot
-- (raw payload included): a page's unchanged incidents are told by comparing it, without reading their rows
-- (issue 17). Null for rows stored before it: their next read takes the full comparison once.
alter table incident add column snapshot_hash text;
