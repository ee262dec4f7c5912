-- A timeline entry's words as message keys and arguments, so that pages say it in the reader's language;
-- summary stays the English sentence the API gives. Null for entries written before, and for channels' own sentences.
alter table timeline_event add column text jsonb;
