-- A decision waits in the outbox until next_attempt_at (a Retry-After longer than a thread should sleep, an
-- open circuit, a rate limit). claimed_by names the dispatcher instance sending it, so that the rows of an
-- instance that died mid-send can be found and reconciled.
alter table decision add column next_attempt_at timestamptz;
alter table decision add column claimed_by text;
alter table decision add column claimed_at timestamptz;

drop index decision_outbox_idx;
create index decision_outbox_idx on decision (created_at) where state = 'REQUESTED';
create index decision_sending_idx on decision (claimed_by) where state = 'SENDING';

-- Dispatcher instances and their heartbeat: a SENDING row whose instance stopped beating is recovered.
create table dispatcher_instance (
    id           text primary key,
    started_at   timestamptz not null,
    heartbeat_at timestamptz not null
);
