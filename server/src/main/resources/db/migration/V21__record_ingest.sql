-- Record items received in FHIR bundles: a hash of the resource as received (a resend of the same content is not a
-- new version) and the bundle fullUrl other resources used to refer to it.
alter table record_item add column content_hash bytea;
alter table record_item add column full_url text;

-- Items moved by a person merge, so an unmerge can move exactly those back.
create table record_item_merge (
    merge_id       bigint not null,
    record_item_id bigint not null references record_item (id) on delete cascade,
    from_person_id bigint not null references person (id),
    primary key (merge_id, record_item_id)
);
