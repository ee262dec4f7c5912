-- Facts a channel reports about an incident that change what a seller can expect (e.g. PAYOUT_ON_HOLD: the
-- order is not paid out while the problem is open, DOMAIN O5).
alter table incident add column flags text[] not null default '{}';
