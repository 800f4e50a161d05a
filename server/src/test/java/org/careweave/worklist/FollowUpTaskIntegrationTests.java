package org.careweave.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.careweave.adt.HospitalMovement;
import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Caseloads;
import org.careweave.identity.SystemClients;
import org.careweave.shared.Role;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.careweave.support.TestUsers;
import org.careweave.support.WebSession;
import org.careweave.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** Discharge follow-up tasks: created once, cancelled with the discharge, moved on by the team over REST and FHIR. */
@CareWeaveTest
class FollowUpTaskIntegrationTests {

    // Friday 27 November 2026, afternoon: two working days later is Tuesday 1 December.
    static final Instant FRIDAY = LocalDate.of(2026, 11, 27).atTime(15, 30).atZone(ZoneId.of("Europe/London")).toInstant();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEventPublisher events;
    @Autowired Caseloads caseloads;
    @Autowired SystemClients clients;

    WorklistFixture fixture;
    long person;
    long encounter;

    @BeforeEach
    void arrange() {
        fixture = new WorklistFixture(jdbc, encoder, transactions, events, caseloads);
        person = fixture.person(null);
        fixture.onCaseload(person, CaseloadEpisode.Programme.CASELOAD);
        encounter = fixture.encounter(person);
    }

    @Test
    void aDischargeCreatesOneTaskDueInTwoWorkingDaysAndACancelledDischargeCancelsIt() {
        fixture.publish(fixture.movement(person, encounter, HospitalMovement.Kind.DISCHARGED, FRIDAY));
        fixture.publish(fixture.movement(person, encounter, HospitalMovement.Kind.DISCHARGED, FRIDAY));

        assertThat(tasks("status = 'OPEN' and team_id = " + fixture.team)).isEqualTo(1);
        assertThat(jdbc.sql("select due_on from worklist_task where person_id = :p").param("p", person)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 12, 1));

        fixture.publish(fixture.movement(person, encounter, HospitalMovement.Kind.DISCHARGE_CANCELLED, FRIDAY));
        assertThat(tasks("status = 'CANCELLED' and cancel_reason = 'The hospital cancelled the discharge'")).isEqualTo(1);
        assertThat(tasks("status = 'OPEN'")).isZero();

        fixture.publish(fixture.movement(person, encounter, HospitalMovement.Kind.DISCHARGED, FRIDAY.plusSeconds(86400)));
        assertThat(tasks("status = 'OPEN'")).isEqualTo(1);
    }

    @Test
    void theTeamAssignsStartsAndCompletesATaskAndWhatIsNotAllowedIsRefusedClearly() {
        fixture.publish(fixture.movement(person, encounter, HospitalMovement.Kind.DISCHARGED, FRIDAY));
        long task = jdbc.sql("select id from worklist_task where person_id = :p").param("p", person).query(Long.class).single();
        WebSession coordinator = WebSession.signedIn(port, TestUsers.username(Role.CARE_COORDINATOR), TestUsers.PASSWORD);

        assertThat(coordinator.get("/api/worklist", "application/json").body()).contains("\"id\":" + task).contains("Worklist" + fixture.tag);
        HttpResponse<String> notMember = coordinator.postJson("/api/worklist/tasks/" + task + "/assign", "{\"assigneeId\":"
                + fixture.userId(TestUsers.username(Role.SOCIAL_WORKER)) + "}");
        assertThat(notMember.statusCode()).isEqualTo(400);
        assertThat(notMember.body()).contains("not a member of the team");
        assertThat(coordinator.postJson("/api/worklist/tasks/" + task + "/assign", "{\"assigneeId\":" + fixture.colleague + "}")
                .body()).contains("\"assignee\":\"Test Nurse\"");
        assertThat(coordinator.postJson("/api/worklist/tasks/" + task + "/start", "").body()).contains("\"statusCode\":\"IN_PROGRESS\"");

        HttpResponse<String> noOutcome = coordinator.postJson("/api/worklist/tasks/" + task + "/complete", "{\"outcome\":\" \"}");
        assertThat(noOutcome.statusCode()).isEqualTo(400);
        assertThat(noOutcome.body()).contains("CW-400").contains("outcome note");

        HttpResponse<String> completed = coordinator.postJson("/api/worklist/tasks/" + task + "/complete",
                "{\"outcome\":\"Phoned; home care restarted\"}");
        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(completed.body()).contains("\"statusCode\":\"COMPLETED\"");

        HttpResponse<String> again = coordinator.postJson("/api/worklist/tasks/" + task + "/start", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("CW-409-TASK-STATUS").contains("is completed and cannot be started");

        HttpResponse<String> outsider = WebSession.signedIn(port, TestUsers.username(Role.SOCIAL_WORKER), TestUsers.PASSWORD)
                .postJson("/api/worklist/tasks/" + task + "/cancel", "{\"reason\":\"not mine\"}");
        assertThat(outsider.statusCode()).isEqualTo(404);
        assertThat(outsider.body()).contains("not on your worklist");
    }

    @Test
    void tasksReadAsFhirTaskForClientsWhoseOrganisationMaySeeThePerson() {
        fixture.publish(fixture.movement(person, encounter, HospitalMovement.Kind.DISCHARGED, FRIDAY));
        long task = jdbc.sql("select id from worklist_task where person_id = :p").param("p", person).query(Long.class).single();
        Http http = new Http(port);
        clients.register("tasks-" + fixture.tag, fixture.practice, "a-long-enough-secret", null, false);
        String token = Tokens.clientCredentials(http, "tasks-" + fixture.tag, "a-long-enough-secret");

        HttpResponse<String> refused = fhir(http, token, "/fhir/Task/" + task);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("OperationOutcome");
        assertThat(fhir(http, token, "/fhir/Task?owner=CareTeam/" + fixture.team).body())
                .contains("1 task(s) withheld").doesNotContain("\"resourceType\":\"Task\"");

        jdbc.sql("update person set registered_practice_id = :o where id = :p").param("o", fixture.practice)
                .param("p", person).update();
        HttpResponse<String> read = fhir(http, token, "/fhir/Task/" + task);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"status\":\"ready\"").contains("\"for\":{\"reference\":\"Patient/" + person + "\"}")
                .contains("CareTeam/" + fixture.team).contains("discharge-follow-up").contains("2026-12-01")
                .contains("Encounter/" + encounter);
        assertThat(fhir(http, token, "/fhir/Task?patient=Patient/" + person + "&status=ready").body())
                .contains("\"total\":1");
        assertThat(fhir(http, token, "/fhir/Task?patient=Patient/" + person + "&status=completed").body())
                .contains("\"total\":0");
        HttpResponse<String> badStatus = fhir(http, token, "/fhir/Task?patient=Patient/" + person + "&status=sleeping");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).contains("ready, in-progress, completed or cancelled");
        assertThat(fhir(http, token, "/fhir/Task").statusCode()).isEqualTo(400);
    }

    private long tasks(String where) {
        return jdbc.sql("select count(*) from worklist_task where person_id = :p and " + where).param("p", person)
                .query(Long.class).single();
    }

    private static HttpResponse<String> fhir(Http http, String token, String path) {
        return http.get(path, "Authorization", "Bearer " + token, "Accept", "application/fhir+json");
    }
}
