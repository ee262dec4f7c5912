-- Four eyes (issue 13, X6): a decision above the approval limit waits in APPROVAL_PENDING, outside the outbox,
-- until a supervisor other than its requester approves or rejects it. One review per decision: the primary key
-- decides between two supervisors answering at once.
create table decision_review (
    decision_id uuid        primary key references decision (id) on delete cascade,
    verdict     text        not null check (verdict in ('APPROVED', 'NOT_APPROVED')),
    reviewed_by text        not null,
    reason      text        not null,
    reviewed_at timestamptz not null
);
create index decision_pending_idx on decision (created_at) where state = 'APPROVAL_PENDING';
