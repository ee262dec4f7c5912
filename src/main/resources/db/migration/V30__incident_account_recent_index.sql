-- An account's first page, newest first, read from the account's own rows: without it the page walked the newest
-- incidents of every account until it found 50 of this one, which took tens of milliseconds at a million incidents
-- as soon as another account had just synced many (docs/benchmarks.md, issue 17).
create index incident_account_recent_idx on incident (account_id, updated_at desc, id desc);
