-- Reading records back over FHIR: references inside stored resources are the partner's own (bundle fullUrls,
-- Type/id of the partner's ids, conditional references by identifier); they are rewritten to CareWeave ids when
-- served, which looks stored resources up by fullUrl. Patients are also found by any partner's identifier.
create index record_item_full_url_idx on record_item (source_org_id, full_url) where full_url is not null;
create index person_source_patient_full_url_idx on person_source_patient (source_org_id, full_url)
    where full_url is not null;
create index directory_resource_full_url_idx on directory_resource (source_org_id, full_url) where full_url is not null;
create index person_source_identifier_value_idx on person_source_identifier (system, value);
