package org.careweave.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;

import org.careweave.access.CareRelationships;
import org.careweave.adt.HospitalMovement;
import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Caseloads;
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

/** Who hears of a hospital movement, written after the movement's transaction commits, and what staff then see. */
@CareWeaveTest
class MovementNotificationIntegrationTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEventPublisher events;
    @Autowired Caseloads caseloads;
    @Autowired CareRelationships relationships;

    WorklistFixture fixture;

    @BeforeEach
    void arrange() {
        fixture = new WorklistFixture(jdbc, encoder, transactions, events, caseloads);
    }

    @Test
    void theCareManagerAndTheTeamHearOfAnAdmissionOfSomeoneOnTheCaseloadOnce() {
        long person = fixture.person(null);
        fixture.onCaseload(person, CaseloadEpisode.Programme.VIRTUAL_WARD);
        HospitalMovement admitted = fixture.movement(person, fixture.encounter(person), HospitalMovement.Kind.ADMITTED,
                Instant.now());

        fixture.publish(admitted);
        fixture.publish(admitted);

        assertThat(fixture.notifications(person, "user_id = " + fixture.coordinator + " and reason = 'CARE_MANAGER'")).isEqualTo(1);
        assertThat(fixture.notifications(person, "team_id = " + fixture.team + " and reason = 'VIRTUAL_WARD'")).isEqualTo(1);
        assertThat(fixture.notifications(person, "true")).isEqualTo(2);
    }

    @Test
    void nobodyHearsOfSomeoneWithNoRelationshipAndAnUncommittedMovementIsNotHeard() {
        long stranger = fixture.person(null);
        fixture.publish(fixture.movement(stranger, fixture.encounter(stranger), HospitalMovement.Kind.ADMITTED, Instant.now()));
        assertThat(fixture.notifications(stranger, "true")).isZero();

        long onCaseload = fixture.person(null);
        fixture.onCaseload(onCaseload, CaseloadEpisode.Programme.CASELOAD);
        long encounter = fixture.encounter(onCaseload);
        transactions.executeWithoutResult(status -> {
            events.publishEvent(fixture.movement(onCaseload, encounter, HospitalMovement.Kind.ADMITTED, Instant.now()));
            status.setRollbackOnly();
        });
        assertThat(fixture.notifications(onCaseload, "true")).isZero();
    }

    @Test
    void openReferralsHeldByATeamOrAMemberOfStaffAreHeardAndCancellationsToo() {
        long person = fixture.person(null);
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.team(fixture.team));
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.user(fixture.colleague));
        long encounter = fixture.encounter(person);

        fixture.publish(fixture.movement(person, encounter, HospitalMovement.Kind.ATTENDED, Instant.now()));
        fixture.publish(fixture.movement(person, encounter, HospitalMovement.Kind.ADMISSION_CANCELLED, Instant.now()));

        assertThat(fixture.notifications(person, "team_id = " + fixture.team + " and reason = 'REFERRAL'")).isEqualTo(2);
        assertThat(fixture.notifications(person, "user_id = " + fixture.colleague + " and reason = 'REFERRAL'")).isEqualTo(2);
        assertThat(fixture.notifications(person, "movement = 'ADMISSION_CANCELLED'")).isEqualTo(2);
    }

    @Test
    void staffSeeTheirNotificationsOverRestAndAcknowledgeThem() {
        long person = fixture.person(null);
        fixture.onCaseload(person, CaseloadEpisode.Programme.CASELOAD);
        fixture.publish(fixture.movement(person, fixture.encounter(person), HospitalMovement.Kind.TRANSFERRED, Instant.now()));
        long mine = jdbc.sql("select id from worklist_notification where person_id = :p and user_id = :u")
                .param("p", person).param("u", fixture.coordinator).query(Long.class).single();
        WebSession coordinator = WebSession.signedIn(port, TestUsers.username(Role.CARE_COORDINATOR), TestUsers.PASSWORD);

        HttpResponse<String> view = coordinator.get("/api/worklist", "application/json");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("\"id\":" + mine).contains("Worklist" + fixture.tag).contains("Transferred")
                .contains("You are their care manager").contains("On the team's caseload");

        HttpResponse<String> acknowledged = coordinator.postJson("/api/worklist/notifications/" + mine + "/acknowledge", "");
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        assertThat(acknowledged.body()).contains("\"acknowledged\":true")
                .contains(TestUsers.username(Role.CARE_COORDINATOR));

        WebSession outsider = WebSession.signedIn(port, TestUsers.username(Role.SOCIAL_WORKER), TestUsers.PASSWORD);
        assertThat(outsider.get("/worklist").body()).doesNotContain("notification-" + mine);
        HttpResponse<String> refused = outsider.postJson("/api/worklist/notifications/" + mine + "/acknowledge", "");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("CW-404-WORKLIST").contains("not on your worklist");
    }

    @Test
    void theLiveRegionAnswersNoContentUntilSomethingChanges() {
        WebSession coordinator = WebSession.signedIn(port, TestUsers.username(Role.CARE_COORDINATOR), TestUsers.PASSWORD);
        String page = coordinator.get("/worklist").body();
        java.util.regex.Matcher poll = java.util.regex.Pattern.compile("hx-get=\"(/worklist/live\\?v=[^\"]+)\"").matcher(page);
        assertThat(poll.find()).as("the live region polls").isTrue();
        String live = poll.group(1).replace("&amp;", "&");

        assertThat(coordinator.get(live).statusCode()).isEqualTo(204);

        long person = fixture.person(null);
        fixture.onCaseload(person, CaseloadEpisode.Programme.CASELOAD);
        fixture.publish(fixture.movement(person, fixture.encounter(person), HospitalMovement.Kind.ADMITTED, Instant.now()));

        HttpResponse<String> changed = coordinator.get(live);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("id=\"worklist-live\"").contains("Worklist" + fixture.tag)
                .doesNotContain("<html");
    }

    @Test
    void aTeamMemberWhomThePolicyRefusesSeesTheRowAsWithheld() {
        long person = fixture.person(null);
        fixture.onCaseload(person, CaseloadEpisode.Programme.CASELOAD);
        long linkWorker = fixture.userId(TestUsers.username(Role.LINK_WORKER));
        jdbc.sql("insert into team_member (team_id, user_id) values (:t, :u)").param("t", fixture.team)
                .param("u", linkWorker).update();
        // The team's relationship lets members see the person, so end it: the notification stays, the person is hidden.
        fixture.publish(fixture.movement(person, fixture.encounter(person), HospitalMovement.Kind.ADMITTED, Instant.now()));
        jdbc.sql("update care_relationship set ends_at = now() where person_id = :p").param("p", person).update();

        HttpResponse<String> view = WebSession.signedIn(port, TestUsers.username(Role.LINK_WORKER), TestUsers.PASSWORD)
                .get("/api/worklist", "application/json");

        assertThat(view.body()).contains("\"withheld\":true").doesNotContain("Worklist" + fixture.tag);
    }
}
