-- A confirmed bulk run that meets a passing error waits and tries again by itself (issue 12, X3); its progress says so.
alter table bulk_decision add column waiting_reason text;
alter table bulk_decision add column retry_at timestamptz;
