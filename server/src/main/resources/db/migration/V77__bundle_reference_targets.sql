-- Where the references of a stored resource into its own bundle point, resolved once at ingest, for resources with
-- many of them. Synthea's Provenance lists every resource of its bundle (up to 17,000 references); resolving each by
-- fullUrl every time it was served cost one index lookup per reference. targets is a JSON object from the reference
-- as written to "Type/id" as stored (record items) or "Type/d<id>" (shared resources). References to patients are
-- not kept: merging people changes where they point, so they are still resolved when served.
create table record_item_bundle_targets (
    item_id bigint primary key references record_item (id),
    targets text   not null
);
