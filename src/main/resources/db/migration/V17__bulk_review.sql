-- Four eyes for bulk runs (issue 13, X6): a big run, or one of refunds where approvals are on, waits in
-- APPROVAL_PENDING until a supervisor other than its requester answers; the answer is kept with the run.
alter table bulk_decision add column reviewed_by text;
alter table bulk_decision add column review_reason text;
alter table bulk_decision add column reviewed_at timestamptz;
