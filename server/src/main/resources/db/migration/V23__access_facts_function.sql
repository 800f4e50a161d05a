-- Everything one access decision needs about a viewer and a person, as a function so that other features' queries
-- can evaluate it in the same statement as the data they read (one round trip instead of two).
-- p_user is -1 for system clients, which hold no user- or team-level relationships.
create function access_facts(p_person bigint, p_user bigint, p_org bigint)
    returns table (relationship text, registered text, break_glass boolean, agreements text[], consents text[])
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
  array(select sa.provider_org_id || ':' || sa.category from sharing_agreement sa
         where sa.recipient_org_id = p_org and sa.starts_on <= current_date
           and (sa.ends_on is null or sa.ends_on > current_date)),
  array(select cd.kind || ':' || coalesce(cd.organisation_id::text, cd.category) from consent_directive cd
         where cd.person_id = p_person and cd.withdrawn_at is null)
$$;
