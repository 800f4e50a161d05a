-- Every living, unmerged person's risk scores, one row each, replaced whole by a full recomputation and row by row
-- when a record changes. Derived data: no foreign key to person, so the nightly bulk load (COPY of every row) does
-- not pay for a million key checks; a full recomputation drops rows of people who have gone.
create table risk_score (
    person_id            bigint primary key,
    computed_at          timestamptz not null,
    -- Electronic frailty index; null for people under 65.
    efi                  numeric(5, 4),
    efi_category         text check (efi_category in ('FIT', 'MILD', 'MODERATE', 'SEVERE')),
    efi_version          text,
    -- "deficit|code" for each deficit present ("Polypharmacy|" for five or more current medicines).
    efi_inputs           text[] not null,
    current_medications  integer not null,
    cms                  numeric(6, 2) not null,
    cms_version          text not null,
    -- "condition|code|weight" for each condition present.
    cms_inputs           text[] not null,
    emergency_admissions integer not null,
    ae_attendances       integer not null,
    bed_days             integer not null,
    utilisation_version  text not null,
    -- record_item ids of the encounters counted.
    utilisation_events   bigint[] not null,
    priority             numeric(9, 3) not null,
    priority_version     text not null,
    check ((efi is null) = (efi_category is null) and (efi is null) = (efi_version is null))
);
create index risk_score_priority_idx on risk_score (priority desc);
