-- Files a seller attached to a decision (evidence images), kept with the incident.
create table evidence_file (
    id           bigserial primary key,
    incident_id  uuid        not null references incident (id),
    decision_id  uuid        references decision (id),
    file_name    text        not null,
    content_type text        not null,
    size_bytes   integer     not null,
    sha256       text        not null,
    content      bytea       not null,
    created_at   timestamptz not null
);
create index evidence_file_incident_idx on evidence_file (incident_id);
