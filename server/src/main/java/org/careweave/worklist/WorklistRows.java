package org.careweave.worklist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.careweave.access.AccessContext;
import org.careweave.access.AccessIntent;
import org.careweave.access.AccessPolicy;
import org.careweave.adt.HospitalMovement;
import org.careweave.organisation.Organisation;
import org.careweave.organisation.Organisations;
import org.careweave.organisation.StaffMember;
import org.careweave.organisation.Staff;
import org.careweave.organisation.Team;
import org.careweave.person.PersonDetails;
import org.careweave.person.Persons;
import org.careweave.shared.England;
import org.springframework.stereotype.Component;

/**
 * Notifications and tasks as one viewer sees them: who the person is only when the access policy lets the viewer
 * know (each decision audited); otherwise the row stays, marked withheld.
 */
@Component
class WorklistRows {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy");

    /** @param personId, person null when withheld */
    record NotificationRow(long id, Long personId, String person, String nhsNumber, boolean withheld, String movement,
                           String hospital, String ward, String when, String reason, String team, boolean acknowledged,
                           String acknowledgedBy) {
    }

    record TaskRow(long id, Long personId, String person, String nhsNumber, boolean withheld, String status,
                   String statusCode, String dueOn, boolean overdue, String hospital, String discharged, String owner,
                   String assignee, List<Member> assignable) {
    }

    record Member(long id, String name) {
    }

    private final AccessPolicy policy;
    private final Persons persons;
    private final Organisations organisations;
    private final Staff staff;

    WorklistRows(AccessPolicy policy, Persons persons, Organisations organisations, Staff staff) {
        this.policy = policy;
        this.persons = persons;
        this.organisations = organisations;
        this.staff = staff;
    }

    /** Builds rows for one viewer; one policy decision per person however many rows name them. */
    final class Builder {
        private final AccessContext who;
        private final List<Team> teams;
        private final Map<Long, Optional<PersonDetails>> people = new HashMap<>();
        private final Map<Long, String> names = new HashMap<>();

        Builder(AccessContext who, List<Team> teams) {
            this.who = who;
            this.teams = teams;
        }

        NotificationRow row(WorklistNotification n) {
            Optional<PersonDetails> person = person(n.personId(), "WorklistNotification", n.id());
            return new NotificationRow(n.id(), person.map(PersonDetails::id).orElse(null),
                    person.map(PersonDetails::displayName).orElse(null), person.map(PersonDetails::nhsNumber).orElse(null),
                    person.isEmpty(), movement(n.movement()), organisation(n.hospitalOrganisationId()), n.ward(),
                    when(n.occurredAt()), reason(n.reason()), n.teamId() == null ? null : teamName(n.teamId()),
                    n.acknowledged(), n.acknowledgedBy());
        }

        TaskRow row(FollowUpTask t, LocalDate today) {
            Optional<PersonDetails> person = person(t.personId(), "Task", t.id());
            List<Member> assignable = t.teamId() == null ? List.of()
                    : teams.stream().filter(team -> team.id() == t.teamId()).findFirst()
                            .map(team -> team.memberIds().stream().map(id -> new Member(id, staffName(id))).toList())
                            .orElse(List.of());
            return new TaskRow(t.id(), person.map(PersonDetails::id).orElse(null),
                    person.map(PersonDetails::displayName).orElse(null), person.map(PersonDetails::nhsNumber).orElse(null),
                    person.isEmpty(), t.status().name().toLowerCase().replace('_', ' '), t.status().name(),
                    DAY.format(t.dueOn()), t.overdue(today), organisation(t.hospitalOrganisationId()),
                    when(t.dischargedAt()), t.teamId() != null ? teamName(t.teamId()) : staffName(t.ownerUserId()),
                    t.assigneeId() == null ? null : staffName(t.assigneeId()), assignable);
        }

        private Optional<PersonDetails> person(long personId, String entity, long entityId) {
            return people.computeIfAbsent(personId, id -> policy.checkDemographics(who, id, AccessIntent.read(entity, entityId))
                    ? persons.find(id) : Optional.empty());
        }

        private String teamName(long teamId) {
            return teams.stream().filter(t -> t.id() == teamId).map(Team::name).findFirst().orElse("Team " + teamId);
        }

        private String staffName(long userId) {
            return names.computeIfAbsent(userId, id -> staff.member(id).map(StaffMember::displayName).orElse("Staff " + id));
        }

        private String organisation(long id) {
            return names.computeIfAbsent(-id, key -> organisations.find(id).map(Organisation::name).orElse("Organisation " + id));
        }
    }

    Builder forViewer(AccessContext who, List<Team> teams) {
        return new Builder(who, teams);
    }

    static String movement(HospitalMovement.Kind kind) {
        return switch (kind) {
            case ADMITTED -> "Admitted";
            case ATTENDED -> "Attended A&E";
            case PRE_ADMITTED -> "Pre-admitted";
            case TRANSFERRED -> "Transferred";
            case DISCHARGED -> "Discharged";
            case ADMISSION_CANCELLED -> "Admission cancelled";
            case TRANSFER_CANCELLED -> "Transfer cancelled";
            case DISCHARGE_CANCELLED -> "Discharge cancelled";
        };
    }

    private static String reason(String reason) {
        return switch (reason) {
            case "CARE_MANAGER" -> "You are their care manager";
            case "CASELOAD" -> "On the team's caseload";
            case "VIRTUAL_WARD" -> "On the team's virtual ward";
            case "REFERRAL" -> "Open referral";
            case "COHORT" -> "In a cohort you follow";
            default -> reason;
        };
    }

    private static String when(Instant instant) {
        return WHEN.format(instant.atZone(England.ZONE));
    }
}
