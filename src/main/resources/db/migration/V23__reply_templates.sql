-- Saved replies (issue 16, X9): a decision type's texts per language, with placeholders, for one channel or all.
create table reply_template (
    id            uuid primary key,
    name          text        not null,
    channel       text,
    decision_type text        not null,
    texts         jsonb       not null,
    created_by    text        not null,
    created_at    timestamptz not null,
    updated_by    text        not null,
    updated_at    timestamptz not null
);
create unique index reply_template_name_uk on reply_template (lower(name));
