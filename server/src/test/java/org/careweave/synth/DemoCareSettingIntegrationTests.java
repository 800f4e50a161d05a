package org.careweave.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.careweave.access.AccessContext;
import org.careweave.access.AccessPolicy;
import org.careweave.access.PersonAccess;
import org.careweave.access.Purpose;
import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Caseloads;
import org.careweave.organisation.Staff;
import org.careweave.organisation.StaffAccount;
import org.careweave.shared.Role;
import org.careweave.support.CareWeaveTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo neighbourhood arrives with agreements and a coordinated caseload, so the demo users see a shared record. */
@CareWeaveTest
class DemoCareSettingIntegrationTests {

    @Autowired Caseloads caseloads;
    @Autowired Staff staff;
    @Autowired AccessPolicy policy;
    @Autowired JdbcClient jdbc;

    @Test
    void theCoordinatorLooksAfterACaseloadAndAVirtualWardAndMaySeeThoseRecords() {
        StaffAccount coordinator = staff.findAccount("coordinator").orElseThrow();
        List<CaseloadEpisode> episodes = caseloads.activeForCareManager(coordinator.id());

        assertThat(episodes).extracting(CaseloadEpisode::programme)
                .contains(CaseloadEpisode.Programme.CASELOAD, CaseloadEpisode.Programme.VIRTUAL_WARD);
        assertThat(episodes.stream().filter(e -> e.programme() == CaseloadEpisode.Programme.CASELOAD)).hasSize(40);

        long organisation = coordinator.roles().get(0).organisationId();
        AccessContext who = new AccessContext(coordinator.id(), coordinator.username(), organisation,
                java.util.Set.of(Role.CARE_COORDINATOR), Purpose.DIRECT_CARE, "test");
        PersonAccess access = policy.decide(who, episodes.get(0).personId());
        assertThat(access.allowed()).isTrue();
        assertThat(access.basis()).isEqualTo(PersonAccess.Basis.CASELOAD);
    }

    @Test
    void everyPairOfPartnersSharesTheNonSensitiveCategoriesOnly() {
        long organisations = jdbc.sql("select count(distinct provider_org_id) from sharing_agreement where created_by = :by")
                .param("by", DemoCareSetting.ARRANGED_BY).query(Long.class).single();
        long agreements = jdbc.sql("select count(*) from sharing_agreement where created_by = :by")
                .param("by", DemoCareSetting.ARRANGED_BY).query(Long.class).single();
        long sensitive = jdbc.sql("""
                        select count(*) from sharing_agreement where created_by = :by
                           and category in ('SEXUAL_HEALTH', 'MENTAL_HEALTH', 'SAFEGUARDING')""")
                .param("by", DemoCareSetting.ARRANGED_BY).query(Long.class).single();

        assertThat(organisations).isGreaterThanOrEqualTo(15);
        assertThat(agreements).isEqualTo(organisations * (organisations - 1) * 6);
        assertThat(sensitive).isZero();
    }
}
