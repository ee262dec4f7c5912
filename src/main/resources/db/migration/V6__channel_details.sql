-- Channel facts without a column of their own (a carrier's code, notes, distance, attempt; a supplier order's
-- lateness) and the shipment's or order's history, as {"attributes": {...}, "history": [...]}.
alter table incident add column channel_details jsonb not null default '{"attributes": {}, "history": []}';
create index incident_order_idx on incident (order_id) where order_id is not null;
