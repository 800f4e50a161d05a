-- Partners label sensitive resources with HL7 information sensitivity codes in meta.security, and the ingest now files
-- them under the sensitive category a label names (ingest.SecurityLabels, which holds the same map and precedence).
-- Items received before kept their resource as sent, so their labels are read here once. Items without a resource
-- (CareWeave's own synthetic data) or without the word "security" in it are passed over without parsing.
with labels as (
    select i.id, s.label ->> 'code' as code
      from record_item i
     cross join lateral jsonb_array_elements(
               case when jsonb_typeof(cast(i.resource as jsonb) -> 'meta' -> 'security') = 'array'
                    then cast(i.resource as jsonb) -> 'meta' -> 'security' else '[]' end) as s(label)
     where i.resource is not null and i.sensitivity is null and strpos(i.resource, '"security"') > 0
       and s.label ->> 'system' in ('http://terminology.hl7.org/CodeSystem/v3-ActCode', 'http://hl7.org/fhir/v3/ActCode')
), ranked as (
    select id, min(case when code in ('SDV', 'SOC') then 1
                        when code in ('HIV', 'STD', 'SEX') then 2
                        when code in ('PSY', 'PSYTHPN', 'BH', 'EMOTDIS', 'ETH', 'ETHUD', 'OPIOIDUD') then 3 end) as rank
      from labels
     group by id
)
update record_item i
   set sensitivity = case r.rank when 1 then 'SAFEGUARDING' when 2 then 'SEXUAL_HEALTH' else 'MENTAL_HEALTH' end
  from ranked r
 where r.id = i.id and r.rank is not null;
