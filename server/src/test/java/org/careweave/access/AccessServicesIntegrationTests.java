package org.careweave.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.careweave.audit.AuditQuery;
import org.careweave.audit.AuditTrail;
import org.careweave.shared.Role;
import org.careweave.support.CareWeaveTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CareWeaveTest
class AccessServicesIntegrationTests {

    @Autowired
    SharingAgreements agreements;

    @Autowired
    Consents consents;

    @Autowired
    BreakGlass breakGlass;

    @Autowired
    SharingChoices choices;

    @Autowired
    AuditTrail trail;

    @Autowired
    CareRelationships relationships;

    @Autowired
    AccessPolicy policy;

    @Autowired
    JdbcClient jdbc;

    AccessFixture fixture;
    long practice;
    long hospital;

    @BeforeEach
    void organisations() {
        fixture = new AccessFixture(jdbc);
        practice = fixture.organisation("GP_PRACTICE");
        hospital = fixture.organisation("ACUTE_TRUST");
    }

    @Test
    void refusesAgreementsThatOverlapAnExistingOne() {
        LocalDate start = LocalDate.now().minusMonths(1);
        agreements.create(hospital, practice, DataCategory.PROBLEMS, start, start.plusYears(1), "admin");

        assertThatThrownBy(() -> agreements.create(hospital, practice, DataCategory.PROBLEMS, start.plusMonths(6),
                null, "admin"))
                .hasMessageContaining("overlaps sharing agreement");
        long next = agreements.create(hospital, practice, DataCategory.PROBLEMS, start.plusYears(1), null, "admin");
        assertThat(agreements.all()).extracting(SharingAgreements.Agreement::id).contains(next);
    }

    @Test
    void decisionsFollowAgreementChangesAtOnceThoughAgreementsAreHeldInMemory() {
        long person = fixture.person(practice);
        AccessContext gp = new AccessContext(fixture.user("gp"), "gp", practice, Set.of(Role.GP), Purpose.DIRECT_CARE,
                "t");
        assertThat(policy.decide(gp, person).mayView(hospital, DataCategory.PROBLEMS)).isFalse();

        long agreement = agreements.create(hospital, practice, DataCategory.PROBLEMS, LocalDate.now().minusDays(1), null,
                "admin");
        assertThat(policy.decide(gp, person).mayView(hospital, DataCategory.PROBLEMS)).isTrue();

        // Changed behind the service's back, as an operator's SQL would: the version trigger still sees it.
        jdbc.sql("update sharing_agreement set starts_on = current_date + 7 where id = :id").param("id", agreement)
                .update();
        assertThat(policy.decide(gp, person).mayView(hospital, DataCategory.PROBLEMS)).isFalse();

        jdbc.sql("delete from sharing_agreement where id = :id").param("id", agreement).update();
        assertThat(policy.decide(gp, person).mayView(hospital, DataCategory.PROBLEMS)).isFalse();
    }

    @Test
    void refusesAgreementsWithItselfOrEndingBeforeTheyStart() {
        LocalDate start = LocalDate.of(2026, 1, 1);

        assertThatThrownBy(() -> agreements.create(practice, practice, DataCategory.PROBLEMS, start, null, "admin"))
                .hasMessageContaining("with itself");
        assertThatThrownBy(() -> agreements.create(hospital, practice, DataCategory.PROBLEMS, start, start, "admin"))
                .hasMessageContaining("must end after it starts");
        assertThatThrownBy(() -> agreements.create(hospital, practice, DataCategory.PROBLEMS, LocalDate.now().minusYears(2),
                LocalDate.now().minusDays(1), "admin")).hasMessageContaining("already have expired");
        assertThat(jdbc.sql("select count(*) from sharing_agreement where recipient_org_id = :p")
                .param("p", practice).query(Long.class).single()).isZero();
    }

    @Test
    void withdrawnChoicesStayOnRecordAndCannotBeWithdrawnTwice() {
        long person = fixture.person(null);
        long objection = consents.objectToOrganisation(person, hospital, "Prefers hospital not to see GP notes", "gp1");

        consents.withdraw(objection, "gp2");

        assertThat(consents.of(person)).singleElement().satisfies(choice -> {
            assertThat(choice.active()).isFalse();
            assertThat(choice.recordedBy()).isEqualTo("gp1");
            assertThat(choice.withdrawnBy()).isEqualTo("gp2");
        });
        assertThatThrownBy(() -> consents.withdraw(objection, "gp2")).hasMessageContaining("No active consent choice");
    }

    @Test
    void onlySensitiveCategoriesNeedPermission() {
        long person = fixture.person(null);

        assertThatThrownBy(() -> consents.permitSensitive(person, DataCategory.MEDICATIONS, null, "gp"))
                .hasMessageContaining("not a sensitive category");
        assertThat(consents.of(person)).isEmpty();
    }

    @Test
    void breakGlassNeedsAClinicianAndAReasonAndIsReviewedOnce() {
        long person = fixture.person(null);
        long gp = fixture.user("gp");
        AccessContext clinician = new AccessContext(gp, "gp", practice, Set.of(Role.GP), Purpose.EMERGENCY_CARE, "t");
        AccessContext coordinator = new AccessContext(gp, "gp", practice, Set.of(Role.CARE_COORDINATOR),
                Purpose.EMERGENCY_CARE, "t");

        assertThatThrownBy(() -> breakGlass.open(coordinator, person, "Collapsed at home, no records"))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> breakGlass.open(clinician, person, "urgent")).hasMessageContaining("at least 10");
        assertThat(policy.decide(clinician, person).allowed()).isFalse();

        long use = breakGlass.open(clinician, person, "Collapsed at home, no records available");

        assertThat(policy.decide(clinician, person).basis()).isEqualTo(PersonAccess.Basis.BREAK_GLASS);
        assertThat(breakGlass.awaitingReview()).extracting(BreakGlass.Use::id).contains(use);
        AccessContext privacy = new AccessContext(fixture.user("privacy"), "privacy", practice, Set.of(Role.PRIVACY_OFFICER),
                Purpose.ADMINISTRATION, "t");
        breakGlass.review(use, BreakGlass.Outcome.APPROPRIATE, "Seen in ED", privacy);
        assertThat(breakGlass.awaitingReview()).extracting(BreakGlass.Use::id).doesNotContain(use);
        assertThatThrownBy(() -> breakGlass.review(use, BreakGlass.Outcome.INAPPROPRIATE, "", privacy))
                .hasMessageContaining("already reviewed");
    }

    @Test
    void underBreakGlassAClinicianMayNarrowWhatIsSharedButNotWidenItAndEachChangeIsAuditedAsOne() {
        long person = fixture.person(null);
        AccessContext clinician = new AccessContext(fixture.user("gp"), "gp", practice, Set.of(Role.GP),
                Purpose.EMERGENCY_CARE, "t");
        breakGlass.open(clinician, person, "Collapsed at home, no records available");

        assertThatThrownBy(() -> choices.record(clinician, person, Consents.Kind.PERMIT_SENSITIVE, null,
                DataCategory.MENTAL_HEALTH, null))
                .isInstanceOf(AccessDenied.class).hasMessageStartingWith("Break-glass access cannot widen");
        Consents.Directive objection = choices.record(clinician, person, Consents.Kind.OBJECT_CATEGORY, null,
                DataCategory.SOCIAL_CARE, "Asked in the emergency department");
        assertThatThrownBy(() -> choices.withdraw(clinician, person, objection.id()))
                .isInstanceOf(AccessDenied.class);

        assertThat(consents.of(person)).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(Consents.Kind.OBJECT_CATEGORY))
                .satisfies(d -> assertThat(d.active()).isTrue());
        trail.flush();
        assertThat(trail.search(AuditQuery.forPerson(person, 50)))
                .filteredOn(e -> "Consent".equals(e.entityType()))
                .extracting(e -> e.action() + " " + e.outcome())
                .containsExactlyInAnyOrder("CREATE DENIED", "CREATE SUCCESS", "UPDATE DENIED");
    }

    @Test
    void endedRelationshipsNoLongerGiveAccess() {
        long person = fixture.person(null);
        long nurse = fixture.user("nurse");
        AccessContext who = new AccessContext(nurse, "nurse", practice, Set.of(Role.NURSE), Purpose.DIRECT_CARE, "t");
        long relationship = relationships.start(person, CareRelationships.Kind.CARE_TEAM,
                CareRelationships.Holder.user(nurse));

        assertThat(policy.require(who, person, AccessIntent.read("Patient", person)).basis()).isEqualTo(PersonAccess.Basis.CARE_TEAM);
        relationships.end(relationship, java.time.Instant.now().plusMillis(1));
        jdbc.sql("select pg_sleep(0.01)").query(Object.class).list();

        assertThatThrownBy(() -> policy.require(who, person, AccessIntent.read("Patient", person))).isInstanceOf(AccessDenied.class)
                .hasMessageContaining("no care relationship");
    }

    @Test
    void relationshipHolderMustBeExactlyOne() {
        assertThatThrownBy(() -> new CareRelationships.Holder(1L, 2L, null))
                .hasMessageContaining("exactly one");
    }
}
