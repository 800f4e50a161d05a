package org.careweave.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.careweave.shared.Role;
import org.careweave.support.CareWeaveTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Enumerates role × relationship × sharing agreement × consent × break-glass × data category × source organisation,
 * sets each situation up for real in the database, and compares the policy's answer with the rules restated
 * independently in {@link #expected}. Removing any one rule from the policy makes some row disagree.
 */
@CareWeaveTest
class AccessPolicyMatrixIntegrationTests {

    enum Relationship { NONE, CARE_TEAM, CASELOAD, REFERRAL, REGISTERED_PRACTICE, ENDED_CARE_TEAM, OTHER_USERS_CARE_TEAM }

    enum Agreement { NONE, ALL_CATEGORIES, PROBLEMS_ONLY, EXPIRED, NOT_YET_STARTED, OTHER_DIRECTION }

    enum Consent { NONE, OBJECTS_TO_VIEWER, OBJECTS_TO_ANOTHER_ORGANISATION, OBJECTS_TO_PROBLEMS, PERMITS_MENTAL_HEALTH,
        WITHDREW_OBJECTION_TO_VIEWER }

    enum Glass { NONE, ACTIVE, EXPIRED }

    enum Source { VIEWERS_ORGANISATION, PARTNER }

    /** Every role, and null for a system client acting for the viewer's organisation. */
    static final List<Role> CALLERS = new ArrayList<>(List.of(Role.values()));

    static {
        CALLERS.add(null);
    }

    @Autowired
    AccessPolicy policy;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Consents consents;

    @Test
    void everyCombinationGetsTheAnswerTheRulesGive() {
        AccessFixture fixture = new AccessFixture(jdbc);
        long viewerOrg = fixture.organisation("GP_PRACTICE");
        long partnerOrg = fixture.organisation("ACUTE_TRUST");
        long anotherOrg = fixture.organisation("VCSE");
        long user = fixture.user("viewer");
        long colleague = fixture.user("colleague");
        long team = fixture.team(viewerOrg, user);

        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Relationship relationship : Relationship.values()) {
            for (Agreement agreement : Agreement.values()) {
                for (Consent consent : Consent.values()) {
                    for (Glass glass : Glass.values()) {
                        long partner = fixture.organisation("ACUTE_TRUST");
                        long person = fixture.person(relationship == Relationship.REGISTERED_PRACTICE ? viewerOrg : null);
                        arrangeRelationship(relationship, person, user, colleague, team, viewerOrg);
                        arrangeAgreement(agreement, partner, viewerOrg);
                        arrangeConsent(consent, person, viewerOrg, anotherOrg);
                        arrangeGlass(glass, person, user);
                        for (Role role : CALLERS) {
                            AccessContext who = role == null
                                    ? AccessContext.systemClient("system", viewerOrg, Set.of(), Purpose.DIRECT_CARE, "test")
                                    : new AccessContext(user, "viewer", viewerOrg, Set.of(role), Purpose.DIRECT_CARE, "test");
                            PersonAccess access = policy.decide(who, person);
                            boolean wantDemographics = expected(role, relationship, agreement, consent, glass,
                                    Source.VIEWERS_ORGANISATION, DataCategory.PROBLEMS).equals("VISIBLE")
                                    && (role != null || relationship == Relationship.REFERRAL
                                        || relationship == Relationship.REGISTERED_PRACTICE);
                            if (access.mayViewDemographics() != wantDemographics) {
                                mismatches.add(role + " " + relationship + " " + glass + " demographics want "
                                        + wantDemographics);
                            }
                            for (DataCategory category : DataCategory.values()) {
                                for (Source source : Source.values()) {
                                    long sourceOrg = source == Source.VIEWERS_ORGANISATION ? viewerOrg : partner;
                                    String want = expected(role, relationship, agreement, consent, glass, source, category);
                                    String got = !access.allowed() ? "DENIED:" + access.basis()
                                            : access.withheld(sourceOrg, category).map(w -> "WITHHELD:" + w).orElse("VISIBLE");
                                    checked++;
                                    if (!want.equals(got)) {
                                        mismatches.add(String.join(" ", String.valueOf(role), relationship.name(), agreement.name(),
                                                consent.name(), glass.name(), source.name(), category.name(),
                                                "want", want, "got", got));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(Relationship.values().length * Agreement.values().length
                * Consent.values().length * Glass.values().length * CALLERS.size()
                * DataCategory.values().length * Source.values().length);
        assertThat(mismatches).as("policy disagrees with the rules").isEmpty();
        assertThat(partnerOrg).isNotEqualTo(viewerOrg);
    }

    @Test
    void aBearerTokenThatNamesAPersonsRolesIsDecidedByThoseRolesNotAsAPartnerSystem() {
        AccessFixture fixture = new AccessFixture(jdbc);
        long viewerOrg = fixture.organisation("GP_PRACTICE");
        long registered = fixture.person(viewerOrg);
        long unrelated = fixture.person(null);

        AccessContext system = AccessContext.systemClient("system", viewerOrg, Set.of(), Purpose.DIRECT_CARE, "test");
        AccessContext analyst = AccessContext.systemClient("analyst", viewerOrg, Set.of(Role.DATA_ANALYST),
                Purpose.DIRECT_CARE, "test");
        AccessContext gp = AccessContext.systemClient("dr-external", viewerOrg, Set.of(Role.GP), Purpose.DIRECT_CARE,
                "test");

        assertThat(policy.decide(system, registered).basis()).isEqualTo(PersonAccess.Basis.REGISTERED_PRACTICE);
        assertThat(policy.decide(analyst, registered).basis()).isEqualTo(PersonAccess.Basis.ROLE_NOT_PERMITTED);
        assertThat(policy.decide(analyst, registered).allowed()).isFalse();
        assertThat(policy.decide(gp, registered).basis()).isEqualTo(PersonAccess.Basis.REGISTERED_PRACTICE);

        assertThat(policy.decide(system, unrelated).basis()).isEqualTo(PersonAccess.Basis.OWN_RECORDS_ONLY);
        assertThat(policy.decide(gp, unrelated).basis()).isEqualTo(PersonAccess.Basis.NO_RELATIONSHIP);
        assertThat(policy.decide(gp, unrelated).allowed()).isFalse();
    }

    /** The rules, restated without reference to the implementation. A null role is a system client. */
    static String expected(Role role, Relationship relationship, Agreement agreement, Consent consent, Glass glass,
                           Source source, DataCategory category) {
        if (role == null) {
            boolean organisationRelated = relationship == Relationship.REFERRAL
                    || relationship == Relationship.REGISTERED_PRACTICE;
            if (!organisationRelated) {
                return source == Source.VIEWERS_ORGANISATION ? "VISIBLE" : "WITHHELD:NO_RELATIONSHIP";
            }
            return expected(Role.GP, relationship, agreement, consent, Glass.NONE, source, category);
        }
        Set<Role> careRoles = EnumSet.of(Role.GP, Role.NURSE, Role.SOCIAL_WORKER, Role.CARE_COORDINATOR,
                Role.LINK_WORKER, Role.MENTAL_HEALTH_PRACTITIONER);
        Set<Role> glassRoles = EnumSet.of(Role.GP, Role.NURSE, Role.SOCIAL_WORKER, Role.MENTAL_HEALTH_PRACTITIONER);
        if (!careRoles.contains(role)) {
            return "DENIED:ROLE_NOT_PERMITTED";
        }
        boolean related = switch (relationship) {
            case CARE_TEAM, CASELOAD, REFERRAL, REGISTERED_PRACTICE -> true;
            case NONE, ENDED_CARE_TEAM, OTHER_USERS_CARE_TEAM -> false;
        };
        boolean glassOpen = glass == Glass.ACTIVE && glassRoles.contains(role);
        if (!related && !glassOpen) {
            return "DENIED:NO_RELATIONSHIP";
        }
        if (source == Source.VIEWERS_ORGANISATION) {
            return "VISIBLE";
        }
        if (consent == Consent.OBJECTS_TO_VIEWER
                || (consent == Consent.OBJECTS_TO_PROBLEMS && category == DataCategory.PROBLEMS)) {
            return "WITHHELD:PERSON_OBJECTED";
        }
        boolean sensitive = category == DataCategory.SEXUAL_HEALTH || category == DataCategory.MENTAL_HEALTH
                || category == DataCategory.SAFEGUARDING;
        if (sensitive && !(consent == Consent.PERMITS_MENTAL_HEALTH && category == DataCategory.MENTAL_HEALTH)) {
            return "WITHHELD:SENSITIVE_NOT_PERMITTED";
        }
        if (!related) {
            return "VISIBLE";
        }
        boolean shared = agreement == Agreement.ALL_CATEGORIES
                || (agreement == Agreement.PROBLEMS_ONLY && category == DataCategory.PROBLEMS);
        return shared ? "VISIBLE" : "WITHHELD:NO_SHARING_AGREEMENT";
    }

    private void arrangeRelationship(Relationship relationship, long person, long user, long colleague, long team,
                                     long viewerOrg) {
        switch (relationship) {
            case CARE_TEAM -> relate(person, "CARE_TEAM", user, null, null, false);
            case CASELOAD -> relate(person, "CASELOAD", null, team, null, false);
            case REFERRAL -> relate(person, "REFERRAL", null, null, viewerOrg, false);
            case ENDED_CARE_TEAM -> relate(person, "CARE_TEAM", user, null, null, true);
            case OTHER_USERS_CARE_TEAM -> relate(person, "CARE_TEAM", colleague, null, null, false);
            case NONE, REGISTERED_PRACTICE -> { }
        }
    }

    private void relate(long person, String kind, Long user, Long team, Long org, boolean ended) {
        jdbc.sql("""
                        insert into care_relationship (person_id, kind, user_id, team_id, organisation_id, starts_at, ends_at)
                        values (:person, :kind, :user, :team, :org, now() - interval '30 days',
                                case when :ended then now() - interval '1 day' end)""")
                .param("person", person).param("kind", kind).param("user", user).param("team", team)
                .param("org", org).param("ended", ended).update();
    }

    private void arrangeAgreement(Agreement agreement, long partner, long viewerOrg) {
        LocalDate today = LocalDate.now();
        for (DataCategory category : DataCategory.values()) {
            switch (agreement) {
                case ALL_CATEGORIES -> share(partner, viewerOrg, category, today.minusYears(1), null);
                case PROBLEMS_ONLY -> {
                    if (category == DataCategory.PROBLEMS) {
                        share(partner, viewerOrg, category, today.minusYears(1), null);
                    }
                }
                case EXPIRED -> share(partner, viewerOrg, category, today.minusYears(2), today.minusDays(1));
                case NOT_YET_STARTED -> share(partner, viewerOrg, category, today.plusDays(1), null);
                case OTHER_DIRECTION -> share(viewerOrg, partner, category, today.minusYears(1), null);
                case NONE -> { }
            }
        }
    }

    private void share(long provider, long recipient, DataCategory category, LocalDate starts, LocalDate ends) {
        jdbc.sql("""
                        insert into sharing_agreement (provider_org_id, recipient_org_id, category, starts_on, ends_on, created_by)
                        values (:provider, :recipient, :category, :starts, :ends, 'test')""")
                .param("provider", provider).param("recipient", recipient).param("category", category.name())
                .param("starts", starts).param("ends", ends).update();
    }

    private void arrangeConsent(Consent consent, long person, long viewerOrg, long anotherOrg) {
        switch (consent) {
            case OBJECTS_TO_VIEWER -> consents.objectToOrganisation(person, viewerOrg, null, "test");
            case OBJECTS_TO_ANOTHER_ORGANISATION -> consents.objectToOrganisation(person, anotherOrg, null, "test");
            case OBJECTS_TO_PROBLEMS -> consents.objectToCategory(person, DataCategory.PROBLEMS, null, "test");
            case PERMITS_MENTAL_HEALTH -> consents.permitSensitive(person, DataCategory.MENTAL_HEALTH, null, "test");
            case WITHDREW_OBJECTION_TO_VIEWER ->
                    consents.withdraw(consents.objectToOrganisation(person, viewerOrg, null, "test"), "test");
            case NONE -> { }
        }
    }

    private void arrangeGlass(Glass glass, long person, long user) {
        if (glass == Glass.NONE) {
            return;
        }
        jdbc.sql("""
                        insert into break_glass (user_id, person_id, reason, started_at, expires_at)
                        values (:user, :person, 'Unconscious in the emergency department',
                                now() - interval '5 hours', now() + case when :active then interval '1 hour'
                                                                          else interval '-1 hour' end)""")
                .param("user", user).param("person", person).param("active", glass == Glass.ACTIVE).update();
    }
}
