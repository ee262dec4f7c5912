-- Why an incident of a bulk answer is not sent, as words the pages say in the reader's language (the TimelineText
-- of the refusal); why stays the English sentence the API gives. Null for plans made before, and for template errors.
alter table bulk_decision_item add column why_text jsonb;
