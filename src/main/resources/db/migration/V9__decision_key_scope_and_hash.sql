-- Idempotency keys are scoped (issue 12, X4): a client's key can never take a rule's or a bulk run's, and the
-- hash of the request kept with its key tells a repeat (same decision back) from a changed mind (a 422).
alter table decision add column key_scope text;
alter table decision add column request_hash text;
update decision set key_scope = case
    when idempotency_key like 'rule:%' then 'rule'
    when idempotency_key like 'bulk:%' then 'bulk'
    when idempotency_key ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then 'auto'
    else 'client:api' end;
update decision set idempotency_key = key_scope || ':' || idempotency_key where key_scope in ('auto', 'client:api');
alter table decision alter column key_scope set not null;
