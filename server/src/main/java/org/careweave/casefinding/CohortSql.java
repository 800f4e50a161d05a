package org.careweave.casefinding;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a cohort definition into a WHERE clause and its parameters over {@code person p} joined to
 * {@code risk_score s}. Set-based and read-only over other features' tables (person, organisation, record_item,
 * caseload_episode, risk_score), as docs/architecture.md records: one statement counts or lists a whole population.
 */
record CohortSql(String from, Map<String, Object> parameters) {

    static CohortSql of(CohortDefinition d, LocalDate today) {
        StringBuilder sql = new StringBuilder("""
                 from person p
                 join risk_score s on s.person_id = p.id
                 left join organisation o on o.id = p.registered_practice_id
                where p.merged_into_id is null and p.deceased_date is null""");
        Map<String, Object> parameters = new HashMap<>();
        if (d.minAge() != null) {
            sql.append(" and p.birth_date <= :bornBy");
            parameters.put("bornBy", today.minusYears(d.minAge()));
        }
        if (d.maxAge() != null) {
            sql.append(" and p.birth_date > :bornAfter");
            parameters.put("bornAfter", today.minusYears(d.maxAge() + 1L));
        }
        if (!d.sexes().isEmpty()) {
            sql.append(" and p.sex = any(:sexes)");
            parameters.put("sexes", d.sexes().toArray(String[]::new));
        }
        if (!d.frailty().isEmpty()) {
            sql.append(" and s.efi_category = any(:frailty)");
            parameters.put("frailty", d.frailty().stream().map(Enum::name).toArray(String[]::new));
        }
        if (d.minCms() != null) {
            sql.append(" and s.cms >= :minCms");
            parameters.put("minCms", d.minCms());
        }
        if (!d.conditions().isEmpty()) {
            // (Each block starts on a new line: a text block's first word would otherwise run into the last one.)
            // A diagnosis counts only where the person's sharing choices let it be seen beyond the organisation that
            // recorded it: a sensitive one needs their permission for its category, and none may be of a category
            // they object to sharing (access.PersonAccess). Otherwise a cohort would tell who has it.
            sql.append('\n').append("""
                     and exists (select 1 from record_item r where r.person_id = p.id and r.category = 'problem'
                                    and r.code = any(:conditions)
                                    and coalesce(r.status, '') not in ('entered-in-error', 'refuted')
                                    and (r.sensitivity is null
                                         or exists (select 1 from consent_directive c where c.person_id = p.id
                                                       and c.kind = 'PERMIT_SENSITIVE' and c.category = r.sensitivity
                                                       and c.withdrawn_at is null))
                                    and not exists (select 1 from consent_directive c where c.person_id = p.id
                                                       and c.kind = 'OBJECT_CATEGORY' and c.withdrawn_at is null
                                                       and c.category = coalesce(r.sensitivity, 'PROBLEMS')))""");
            parameters.put("conditions", d.conditions().toArray(String[]::new));
        }
        if (!d.practices().isEmpty()) {
            sql.append(" and o.ods_code = any(:practices)");
            parameters.put("practices", d.practices().toArray(String[]::new));
        }
        if (!d.deprivationDeciles().isEmpty()) {
            sql.append(" and p.imd_decile = any(:deciles)");
            parameters.put("deciles", d.deprivationDeciles().toArray(Integer[]::new));
        }
        if (d.recentEmergencyAdmission()) {
            sql.append(" and s.emergency_admissions > 0");
        }
        if (d.notOnCaseload()) {
            sql.append('\n').append("""
                     and not exists (select 1 from caseload_episode e where e.person_id = p.id and e.ended_at is null)""");
        }
        return new CohortSql(sql.toString(), parameters);
    }
}
