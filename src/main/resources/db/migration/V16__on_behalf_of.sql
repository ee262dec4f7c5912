-- onBehalfOf (issue 13, X6): the person an ERP says it acts for, shown as that ERP's word; the actor stays the key.
alter table decision add column on_behalf_of text;
alter table incident_note add column on_behalf_of text;
