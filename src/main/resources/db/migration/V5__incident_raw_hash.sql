-- SHA-256 of the raw payload as the adapter wrote it, so that an unchanged re-read is recognized without
-- comparing JSONB documents.
alter table incident add column raw_hash text;
