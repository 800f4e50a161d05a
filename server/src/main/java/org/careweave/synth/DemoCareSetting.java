package org.careweave.synth;

import java.time.LocalDate;
import java.util.List;

import org.careweave.access.DataCategory;
import org.careweave.access.SharingAgreements;
import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Caseloads;
import org.careweave.caseload.Enrolment;
import org.careweave.organisation.Organisation;
import org.careweave.organisation.Organisations;
import org.careweave.organisation.Staff;
import org.careweave.organisation.Team;
import org.careweave.organisation.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a demo neighbourhood needs beyond its residents so the demo users see a working shared record: a data-sharing
 * agreement between every pair of partner organisations for the non-sensitive categories (as an ICS shared care
 * record would have), and the neighbourhood team's caseload and virtual ward, coordinated by the demo coordinator.
 */
@Component
class DemoCareSetting {

    static final String ARRANGED_BY = "demo-setup";
    private static final int CASELOAD = 40;
    private static final int VIRTUAL_WARD = 10;

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final SharingAgreements agreements;
    private final Teams teams;
    private final Staff staff;
    private final Caseloads caseloads;

    DemoCareSetting(JdbcClient jdbc, Organisations organisations, SharingAgreements agreements, Teams teams,
                    Staff staff, Caseloads caseloads) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.agreements = agreements;
        this.teams = teams;
        this.staff = staff;
        this.caseloads = caseloads;
    }

    /** @return a one-line description of what was arranged */
    @Transactional
    String arrange(LocalDate asOf) {
        int agreed = shareBetweenAllPartners(asOf);
        Team team = teams.all().stream().filter(t -> t.kind() == Team.Kind.NEIGHBOURHOOD_TEAM).findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo neighbourhood has no neighbourhood team"));
        long coordinator = staff.findAccount("coordinator")
                .orElseThrow(() -> new IllegalStateException("The demo coordinator is missing")).id();
        int onWard = enrol(team, coordinator, CaseloadEpisode.Programme.VIRTUAL_WARD, wardCandidates(asOf),
                "Emergency admission in the last 90 days; step-down monitoring");
        int onCaseload = enrol(team, coordinator, CaseloadEpisode.Programme.CASELOAD, caseloadCandidates(asOf),
                "Aged 75 or over with several long-term conditions; proactive care");
        return agreed + " data-sharing agreements, " + onCaseload + " people on the neighbourhood team's caseload and "
                + onWard + " on its virtual ward";
    }

    private int shareBetweenAllPartners(LocalDate asOf) {
        List<Organisation> all = organisations.all();
        int created = 0;
        for (Organisation provider : all) {
            for (Organisation recipient : all) {
                if (provider.id() == recipient.id()) {
                    continue;
                }
                for (DataCategory category : DataCategory.values()) {
                    if (!category.sensitive()) {
                        agreements.create(provider.id(), recipient.id(), category, asOf.minusYears(1), null, ARRANGED_BY);
                        created++;
                    }
                }
            }
        }
        return created;
    }

    private int enrol(Team team, long coordinator, CaseloadEpisode.Programme programme, List<Long> people,
                      String reason) {
        for (long person : people) {
            caseloads.enrol(new Enrolment(person, team.id(), programme, coordinator, reason), ARRANGED_BY);
        }
        return people.size();
    }

    private List<Long> wardCandidates(LocalDate asOf) {
        return jdbc.sql("""
                        select p.id from person p
                         where p.deceased_date is null and exists (
                               select 1 from record_item i where i.person_id = p.id and i.resource_type = 'Encounter'
                                  and i.category = 'emergency-admission'
                                  and i.effective_start >= cast(:since as date))
                         order by p.birth_date, p.id limit :n""")
                .param("since", asOf.minusDays(90)).param("n", VIRTUAL_WARD).query(Long.class).list();
    }

    private List<Long> caseloadCandidates(LocalDate asOf) {
        return jdbc.sql("""
                        select p.id from person p
                          join record_item i on i.person_id = p.id and i.resource_type = 'Condition'
                         where p.deceased_date is null and p.birth_date <= cast(:born as date)
                         group by p.id
                         order by count(*) desc, p.id limit :n""")
                .param("born", asOf.minusYears(75)).param("n", CASELOAD).query(Long.class).list();
    }
}
