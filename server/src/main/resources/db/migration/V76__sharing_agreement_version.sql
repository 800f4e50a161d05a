-- Agreements belong to organisations, not people, and change rarely, so the policy keeps them in memory
-- (access.AgreementsInForce) instead of reading every agreement with every access decision. Each change to the
-- table stamps a new version from a sequence (never reused, even when the change rolls back); access_facts returns
-- the version its snapshot sees, and the policy reloads whenever that differs from what it holds.
create sequence sharing_agreement_change;

create table sharing_agreement_version (
    only_row boolean primary key default true check (only_row),
    version  bigint  not null
);
insert into sharing_agreement_version (version) values (nextval('sharing_agreement_change'));

create function sharing_agreement_changed() returns trigger
    language plpgsql
as $$
begin
    update sharing_agreement_version set version = nextval('sharing_agreement_change');
    return null;
end
$$;

create trigger sharing_agreement_changed
    after insert or update or delete or truncate on sharing_agreement
    for each statement execute function sharing_agreement_changed();

drop function access_facts(bigint, bigint, bigint);

-- As in V23, with the agreements' version in place of the agreements themselves.
create function access_facts(p_person bigint, p_user bigint, p_org bigint)
    returns table (relationship text, registered text, break_glass boolean, agreements_version bigint,
                   consents text[])
    language sql stable
as $$
select
  (select cr.kind from care_relationship cr
    where cr.person_id = p_person and cr.starts_at <= now() and (cr.ends_at is null or cr.ends_at > now())
      and (cr.user_id = p_user or cr.organisation_id = p_org
           or cr.team_id in (select tm.team_id from team_member tm where tm.user_id = p_user))
    order by cr.kind limit 1),
  -- The registered practice is read from the person index rather than copied into care_relationship.
  (select 'REGISTERED_PRACTICE' from person p where p.id = p_person and p.registered_practice_id = p_org),
  exists (select 1 from break_glass bg
           where bg.user_id = p_user and bg.person_id = p_person
             and bg.started_at <= now() and bg.expires_at > now()),
  (select v.version from sharing_agreement_version v),
  array(select cd.kind || ':' || coalesce(cd.organisation_id::text, cd.category) from consent_directive cd
         where cd.person_id = p_person and cd.withdrawn_at is null)
$$;

-- access_facts asks which teams the viewer belongs to.
create index team_member_user_idx on team_member (user_id);
