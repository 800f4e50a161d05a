-- Record items keep the FHIR resource byte for byte as the partner sent it (key order, whitespace, number formatting),
-- which jsonb cannot: it normalises. The ingest has already parsed and checked every resource strictly before it is
-- stored, so a second validation in the database would only cost time (checking jsonb on input took about five times
-- as long as storing text on the peer workload, and was the largest single cost of a bundle in the database).
alter table record_item alter column resource type text using resource::text;
