-- A stored resource with many references into its own bundle (Synthea's Provenance names every resource of its
-- bundle, up to 17,000 of them) is also kept as it is served, made once at ingest instead of on every read: compact
-- JSON in the layout {"meta":{...},...}, where meta holds the sender's meta elements but versionId, lastUpdated and
-- source (CareWeave sets those when serving), and resourceType and id are left out. Each reference to another record
-- item of the bundle is already the served Type/id. Every other reference (to the patient, whom merging can change;
-- to shared resources, which a search includes; to anything not in the bundle) is written as sent between two U+0001
-- characters, which compact JSON never holds unescaped, and is resolved when served. The copy serves only the version
-- it was made from. It replaces the targets V77 kept: those items are served by resolving each reference until
-- they are sent again.
drop table record_item_bundle_targets;

create table record_item_served_copy (
    item_id bigint primary key references record_item (id),
    version int    not null,
    json    text   not null
);
