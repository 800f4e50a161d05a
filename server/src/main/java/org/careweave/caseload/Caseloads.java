package org.careweave.caseload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.careweave.access.CareRelationships;
import org.careweave.organisation.Team;
import org.careweave.organisation.Teams;
import org.careweave.person.Persons;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Enrols people onto caseloads and virtual wards, ends their episodes, and lists who is on whose. */
@Service
@Transactional
public class Caseloads {

    private static final String SELECT = """
            select id, person_id, team_id, programme, care_manager_id, reason, started_at, started_by,
                   ended_at, ended_by, end_reason
              from caseload_episode""";

    private final JdbcClient jdbc;
    private final Teams teams;
    private final Persons persons;
    private final CareRelationships relationships;
    private final ApplicationEventPublisher events;

    Caseloads(JdbcClient jdbc, Teams teams, Persons persons, CareRelationships relationships,
              ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.persons = persons;
        this.relationships = relationships;
        this.events = events;
    }

    /**
     * Starts an episode and the team's relationship with the person.
     *
     * @throws IllegalArgumentException naming what is wrong: unknown person or team, a care manager who is not a
     *                                  member of the team, a blank reason, or an episode already open
     */
    public CaseloadEpisode enrol(Enrolment enrolment, String enrolledBy) {
        Team team = teams.find(enrolment.teamId())
                .orElseThrow(() -> new IllegalArgumentException("No team with id " + enrolment.teamId()));
        if (persons.find(enrolment.personId()).isEmpty()) {
            throw new IllegalArgumentException("No person with id " + enrolment.personId());
        }
        if (!team.memberIds().contains(enrolment.careManagerId())) {
            throw new IllegalArgumentException("The care manager (staff id " + enrolment.careManagerId()
                    + ") must be a member of " + team.name());
        }
        if (enrolment.reason() == null || enrolment.reason().isBlank()) {
            throw new IllegalArgumentException("Give the reason for enrolling the person");
        }
        if (enrolment.programme() == null) {
            throw new IllegalArgumentException("Say whether this is the caseload or the virtual ward");
        }
        boolean open = jdbc.sql("""
                        select exists (select 1 from caseload_episode where person_id = :person and team_id = :team
                                                                         and programme = :programme and ended_at is null)""")
                .param("person", enrolment.personId()).param("team", team.id())
                .param("programme", enrolment.programme().name()).query(Boolean.class).single();
        if (open) {
            throw new IllegalArgumentException("The person is already on " + team.name() + "'s "
                    + label(enrolment.programme()));
        }
        long relationship = relationships.start(enrolment.personId(), CareRelationships.Kind.CASELOAD,
                CareRelationships.Holder.team(team.id()));
        long id = jdbc.sql("""
                        insert into caseload_episode (person_id, team_id, programme, care_manager_id, reason,
                                                      relationship_id, started_by)
                        values (:person, :team, :programme, :manager, :reason, :relationship, :by) returning id""")
                .param("person", enrolment.personId()).param("team", team.id())
                .param("programme", enrolment.programme().name()).param("manager", enrolment.careManagerId())
                .param("reason", enrolment.reason().strip()).param("relationship", relationship)
                .param("by", enrolledBy).query(Long.class).single();
        CaseloadEpisode episode = find(id).orElseThrow();
        events.publishEvent(new CaseloadChanged(episode));
        return episode;
    }

    /** Ends an open episode and the relationship it held; ending an episode that has ended already is refused. */
    public CaseloadEpisode end(long episodeId, String reason, String endedBy) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Give the reason for ending the episode");
        }
        Long relationship = jdbc.sql("""
                        update caseload_episode set ended_at = now(), ended_by = :by, end_reason = :reason
                         where id = :id and ended_at is null returning relationship_id""")
                .param("id", episodeId).param("by", endedBy).param("reason", reason.strip())
                .query(Long.class).optional().orElseThrow(() -> new IllegalArgumentException(
                        "No open caseload episode with id " + episodeId));
        relationships.end(relationship, Instant.now());
        CaseloadEpisode episode = find(episodeId).orElseThrow();
        events.publishEvent(new CaseloadChanged(episode));
        return episode;
    }

    @Transactional(readOnly = true)
    public Optional<CaseloadEpisode> find(long episodeId) {
        return jdbc.sql(SELECT + " where id = :id").param("id", episodeId).query(Caseloads::episode).optional();
    }

    /** The person's open episodes, on any team. */
    @Transactional(readOnly = true)
    public List<CaseloadEpisode> activeFor(long personId) {
        return jdbc.sql(SELECT + " where person_id = :person and ended_at is null order by started_at")
                .param("person", personId).query(Caseloads::episode).list();
    }

    /** Every episode of the person, open or ended, newest first. */
    @Transactional(readOnly = true)
    public List<CaseloadEpisode> historyOf(long personId) {
        return jdbc.sql(SELECT + " where person_id = :person order by started_at desc, id desc")
                .param("person", personId).query(Caseloads::episode).list();
    }

    /** The team's open episodes, newest first. */
    @Transactional(readOnly = true)
    public List<CaseloadEpisode> activeForTeam(long teamId) {
        return jdbc.sql(SELECT + " where team_id = :team and ended_at is null order by started_at desc, id desc")
                .param("team", teamId).query(Caseloads::episode).list();
    }

    /** The open episodes a coordinator is responsible for, newest first. */
    @Transactional(readOnly = true)
    public List<CaseloadEpisode> activeForCareManager(long userId) {
        return jdbc.sql(SELECT + " where care_manager_id = :user and ended_at is null order by started_at desc, id desc")
                .param("user", userId).query(Caseloads::episode).list();
    }

    static String label(CaseloadEpisode.Programme programme) {
        return programme == CaseloadEpisode.Programme.VIRTUAL_WARD ? "virtual ward" : "caseload";
    }

    private static CaseloadEpisode episode(ResultSet rs, int row) throws SQLException {
        return new CaseloadEpisode(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("team_id"),
                CaseloadEpisode.Programme.valueOf(rs.getString("programme")), rs.getLong("care_manager_id"),
                rs.getString("reason"), instant(rs.getTimestamp("started_at")), rs.getString("started_by"),
                instant(rs.getTimestamp("ended_at")), rs.getString("ended_by"), rs.getString("end_reason"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
