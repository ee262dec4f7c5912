-- Idempotency-Key on every POST that creates something (issue 14, X4/X7): the key (with its caller's scope) is taken
-- in the transaction that creates the resource, so a repeated request finds what the first one made.
create table idempotent_request (
    key          text primary key,
    kind         text        not null,
    request_hash text        not null,
    resource_id  text        not null,
    created_at   timestamptz not null
);
