package org.careweave.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.careweave.adt.HospitalMovement;
import org.careweave.casefinding.CohortDefinition;
import org.careweave.casefinding.Cohorts;
import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Caseloads;
import org.careweave.risk.RiskRecomputation;
import org.careweave.shared.Role;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.TestUsers;
import org.careweave.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** Alerts for cohorts: subscribers hear of movements of people in the cohort whom the policy lets them see. */
@CareWeaveTest
class CohortAlertIntegrationTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEventPublisher events;
    @Autowired Caseloads caseloads;
    @Autowired CohortSubscriptions cohorts;
    @Autowired Cohorts savedCohorts;
    @Autowired RiskRecomputation risk;

    WorklistFixture fixture;
    long gp;
    long linkWorker;

    @BeforeEach
    void arrange() {
        fixture = new WorklistFixture(jdbc, encoder, transactions, events, caseloads);
        gp = fixture.userId(TestUsers.username(Role.GP));
        linkWorker = fixture.userId(TestUsers.username(Role.LINK_WORKER));
        jdbc.sql("delete from worklist_cohort_subscription where user_id in (:users)")
                .param("users", java.util.List.of(gp, linkWorker, fixture.colleague)).update();
    }

    @Test
    void practiceSubscribersHearOnlyWhatThePolicyLetsThemSee() {
        cohorts.subscribe(gp, CohortSubscriptions.Kind.PRACTICE, fixture.practice);
        cohorts.subscribe(linkWorker, CohortSubscriptions.Kind.PRACTICE, fixture.practice);
        long registered = fixture.person(fixture.practice);

        fixture.publish(fixture.movement(registered, fixture.encounter(registered), HospitalMovement.Kind.ATTENDED, Instant.now()));

        // The GP's practice is the person's registered practice; the link worker's organisation has no relationship.
        assertThat(fixture.notifications(registered, "user_id = " + gp + " and reason = 'COHORT'")).isEqualTo(1);
        assertThat(fixture.notifications(registered, "user_id = " + linkWorker)).isZero();
    }

    @Test
    void teamCaseloadSubscribersHearOfPeopleOnThatListOnly() {
        cohorts.subscribe(fixture.colleague, CohortSubscriptions.Kind.TEAM_VIRTUAL_WARD, fixture.team);
        long onWard = fixture.person(null);
        long onCaseload = fixture.person(null);
        fixture.onCaseload(onWard, CaseloadEpisode.Programme.VIRTUAL_WARD);
        fixture.onCaseload(onCaseload, CaseloadEpisode.Programme.CASELOAD);

        fixture.publish(fixture.movement(onWard, fixture.encounter(onWard), HospitalMovement.Kind.ADMITTED, Instant.now()));
        fixture.publish(fixture.movement(onCaseload, fixture.encounter(onCaseload), HospitalMovement.Kind.ADMITTED, Instant.now()));

        assertThat(fixture.notifications(onWard, "user_id = " + fixture.colleague + " and reason = 'COHORT'")).isEqualTo(1);
        assertThat(fixture.notifications(onCaseload, "user_id = " + fixture.colleague)).isZero();
    }

    @Test
    void savedCohortSubscribersHearOfPeopleTheCohortHolds() {
        long cohort = savedCohorts.save("Registered at the GP's practice " + fixture.tag,
                new CohortDefinition(null, null, null, null, null, null, Set.of(TestUsers.practiceCode()), null, false,
                        false), "test");
        cohorts.subscribe(gp, CohortSubscriptions.Kind.SAVED_COHORT, cohort);
        long inCohort = fixture.person(fixture.practice);
        long outside = fixture.person(null);
        risk.recompute(List.of(inCohort, outside));

        fixture.publish(fixture.movement(inCohort, fixture.encounter(inCohort), HospitalMovement.Kind.ADMITTED, Instant.now()));
        fixture.publish(fixture.movement(outside, fixture.encounter(outside), HospitalMovement.Kind.ADMITTED, Instant.now()));

        assertThat(cohorts.savedCohortsAvailable()).isTrue();
        assertThat(fixture.notifications(inCohort, "user_id = " + gp + " and reason = 'COHORT'")).isEqualTo(1);
        assertThat(fixture.notifications(outside, "user_id = " + gp)).isZero();
    }

    @Test
    void unknownTargetsAreRefused() {
        assertThatThrownBy(() -> cohorts.subscribe(gp, CohortSubscriptions.Kind.SAVED_COHORT, -1))
                .hasMessageContaining("No saved cohort with id -1");
        assertThatThrownBy(() -> cohorts.subscribe(gp, CohortSubscriptions.Kind.PRACTICE, fixture.hospital))
                .hasMessageContaining("No GP practice with id");
        assertThatThrownBy(() -> cohorts.subscribe(gp, CohortSubscriptions.Kind.TEAM_CASELOAD, -5))
                .hasMessageContaining("No team with id -5");
    }

    @Test
    void staffManageTheirSubscriptionsOverRest() {
        WebSession client = WebSession.signedIn(port, TestUsers.username(Role.GP), TestUsers.PASSWORD);

        HttpResponse<String> created = client.postJson("/api/worklist/cohort-subscriptions",
                "{\"kind\":\"TEAM_CASELOAD\",\"targetId\":" + fixture.team + "}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("Worklist team " + fixture.tag + " caseload");
        String id = created.body().replaceAll(".*\"id\":([0-9]+).*", "$1");
        assertThat(client.get("/api/worklist/cohort-subscriptions", "application/json").body()).contains("\"id\":" + id);

        HttpResponse<String> bad = client.postJson("/api/worklist/cohort-subscriptions", "{\"kind\":\"PRACTICE\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Give targetId");

        assertThat(client.delete("/api/worklist/cohort-subscriptions/" + id).statusCode()).isEqualTo(204);
        assertThat(client.delete("/api/worklist/cohort-subscriptions/" + id).statusCode()).isEqualTo(404);
    }
}
