-- Repeated wrong passwords lock a login for a while (issue 13, X6).
alter table app_user add column failed_attempts integer not null default 0;
alter table app_user add column locked_until timestamptz;
