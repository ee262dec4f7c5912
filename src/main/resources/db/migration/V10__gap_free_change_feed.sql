-- The change feed is numbered in commit order (issue 12, X5): a row gets its feed sequence only once it is
-- committed, from one sequencer at a time, above every sequence already given. A transaction that took a lower
-- id and committed late is therefore never skipped by a reader that has passed it.
alter table change_event add column seq bigint;
update change_event set seq = id;
create unique index change_event_seq_uk on change_event (seq);
create index change_event_unsequenced_idx on change_event (id) where seq is null;
