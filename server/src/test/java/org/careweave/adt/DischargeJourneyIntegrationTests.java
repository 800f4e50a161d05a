package org.careweave.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careweave.adt.AdtTestMessages.visitMessage;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.careweave.access.AccessContext;
import org.careweave.access.Purpose;
import org.careweave.adt.AdtTestMessages.Patient;
import org.careweave.adt.AdtTestMessages.Visit;
import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Caseloads;
import org.careweave.organisation.Staff;
import org.careweave.organisation.StaffAccount;
import org.careweave.risk.RiskAssessments;
import org.careweave.risk.RiskProfile;
import org.careweave.shared.Role;
import org.careweave.support.CareWeaveTest;
import org.careweave.worklist.FollowUpTask;
import org.careweave.worklist.FollowUpTasks;
import org.careweave.worklist.Notifications;
import org.careweave.worklist.WorklistNotification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole path a hospital stay takes: ADT messages over MLLP about someone on the neighbourhood team's caseload
 * reach the record, the coordinator's and team's worklists, a discharge follow-up task, and the person's risk scores.
 */
@CareWeaveTest
class DischargeJourneyIntegrationTests {

    static final int MLLP_PORT = AdtMllpIntegrationTests.freePort();
    private static final DateTimeFormatter HL7 = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    @DynamicPropertySource
    static void mllp(DynamicPropertyRegistry registry) {
        registry.add("careweave.mllp.port", () -> MLLP_PORT);
    }

    @Autowired Caseloads caseloads;
    @Autowired Staff staff;
    @Autowired Notifications notifications;
    @Autowired FollowUpTasks tasks;
    @Autowired RiskAssessments risk;
    @Autowired JdbcClient jdbc;

    @Test
    void anAdmissionAndDischargeOfSomeoneOnTheCaseloadReachTheWorklistTheTaskListAndTheRiskScores() throws Exception {
        StaffAccount coordinator = staff.findAccount("coordinator").orElseThrow();
        CaseloadEpisode episode = caseloads.activeForCareManager(coordinator.id()).stream()
                .filter(e -> e.programme() == CaseloadEpisode.Programme.CASELOAD).findFirst().orElseThrow();
        long person = episode.personId();
        AccessContext asCoordinator = new AccessContext(coordinator.id(), coordinator.username(),
                coordinator.roles().get(0).organisationId(), Set.of(Role.CARE_COORDINATOR), Purpose.DIRECT_CARE, "test");
        int admissionsBefore = waitFor(() -> risk.of(asCoordinator, person).orElse(null), p -> p != null)
                .utilisation().emergencyAdmissions();

        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        LocalDateTime admitted = LocalDateTime.now(ZoneOffset.UTC).minusDays(3).withSecond(0).withNano(0);
        LocalDateTime discharged = admitted.plusDays(2);
        Patient patient = jdbc.sql("""
                        select nhs_number, family_name, given_name, to_char(birth_date, 'YYYYMMDD') as dob,
                               upper(left(sex, 1)) as sex from person where id = :id""")
                .param("id", person).query((rs, row) -> new Patient(rs.getString("nhs_number"), "H" + person,
                        rs.getString("family_name"), rs.getString("given_name"), rs.getString("dob"), rs.getString("sex")))
                .single();
        Visit visit = new Visit("I", "WARD7", null, "21", "J" + tag, null, HL7.format(admitted), null);

        String[] acks = AdtTestMessages.send(MLLP_PORT,
                visitMessage("A01", "2.4", tag + "-1", HL7.format(admitted), patient, visit),
                visitMessage("A03", "2.4", tag + "-2", HL7.format(discharged), patient,
                        visit.discharged(HL7.format(discharged), "19")));

        assertThat(acks).extracting(AdtTestMessages::code).containsOnly("AA");
        List<WorklistNotification> mine = waitFor(() -> notifications.forUser(coordinator.id(), 500).stream()
                .filter(n -> n.personId() == person).toList(), list -> list.size() >= 2);
        assertThat(mine).extracting(WorklistNotification::movement)
                .contains(HospitalMovement.Kind.ADMITTED, HospitalMovement.Kind.DISCHARGED);
        assertThat(notifications.forTeams(List.of(episode.teamId()), 500)).anyMatch(n -> n.personId() == person
                && n.movement() == HospitalMovement.Kind.DISCHARGED);

        FollowUpTask task = waitFor(() -> tasks.openFor(coordinator.id(), List.of(episode.teamId())).stream()
                .filter(t -> t.personId() == person).findFirst().orElse(null), t -> t != null);
        assertThat(task.kind()).isEqualTo(FollowUpTask.Kind.DISCHARGE_FOLLOW_UP);
        assertThat(task.teamId()).isEqualTo(episode.teamId());
        assertThat(task.dueOn()).isAfter(discharged.toLocalDate()).isBeforeOrEqualTo(discharged.toLocalDate().plusDays(6));

        RiskProfile after = waitFor(() -> risk.of(asCoordinator, person).orElseThrow(),
                p -> p.utilisation().emergencyAdmissions() > admissionsBefore);
        assertThat(after.utilisation().emergencyAdmissions()).isEqualTo(admissionsBefore + 1);
        assertThat(after.utilisation().bedDays()).isGreaterThanOrEqualTo(2);
        assertThat(LocalDate.ofInstant(after.computedAt(), ZoneOffset.UTC)).isEqualTo(LocalDate.now(ZoneOffset.UTC));
    }

    /** Listeners run after commit, some on their own threads: wait (at most ten seconds) for their effect. */
    private static <T> T waitFor(Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            value = read.get();
        }
        return value;
    }
}
