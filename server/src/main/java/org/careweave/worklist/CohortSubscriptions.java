package org.careweave.worklist;

import java.time.Instant;
import java.util.List;

import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Caseloads;
import org.careweave.organisation.Organisations;
import org.careweave.organisation.Teams;
import org.careweave.person.PersonDetails;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff subscriptions to alerts about a cohort, and which of them cover a person. */
@Service
@Transactional
public class CohortSubscriptions {

    public enum Kind { TEAM_CASELOAD, TEAM_VIRTUAL_WARD, PRACTICE, SAVED_COHORT }

    /** @param targetName the team, practice or saved cohort, as people know it */
    public record Subscription(long id, long userId, Kind kind, long targetId, String targetName, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final Teams teams;
    private final Organisations organisations;
    private final Caseloads caseloads;
    private final ObjectProvider<CohortMembership> savedCohorts;

    CohortSubscriptions(JdbcClient jdbc, Teams teams, Organisations organisations, Caseloads caseloads,
                        ObjectProvider<CohortMembership> savedCohorts) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.organisations = organisations;
        this.caseloads = caseloads;
        this.savedCohorts = savedCohorts;
    }

    /**
     * Subscribes the user; subscribing again to the same cohort returns the existing subscription.
     *
     * @throws IllegalArgumentException when the team, practice or saved cohort does not exist, or saved cohorts are not
     *                                  available in this installation
     */
    public Subscription subscribe(long userId, Kind kind, long targetId) {
        if (kind == null) {
            throw new IllegalArgumentException("Say which kind of cohort: one of " + java.util.Arrays.toString(Kind.values()));
        }
        nameOf(kind, targetId);
        long id = jdbc.sql("""
                        insert into worklist_cohort_subscription (user_id, kind, target_id) values (:user, :kind, :target)
                        on conflict (user_id, kind, target_id) do update set kind = excluded.kind returning id""")
                .param("user", userId).param("kind", kind.name()).param("target", targetId).query(Long.class).single();
        return of(userId).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    /** Ends one of the user's subscriptions; false when the user has no such subscription. */
    public boolean unsubscribe(long userId, long subscriptionId) {
        return jdbc.sql("delete from worklist_cohort_subscription where id = :id and user_id = :user")
                .param("id", subscriptionId).param("user", userId).update() == 1;
    }

    @Transactional(readOnly = true)
    public List<Subscription> of(long userId) {
        return jdbc.sql("select id, user_id, kind, target_id, created_at from worklist_cohort_subscription where user_id = :user order by id")
                .param("user", userId)
                .query((rs, n) -> {
                    Kind kind = Kind.valueOf(rs.getString("kind"));
                    long target = rs.getLong("target_id");
                    return new Subscription(rs.getLong("id"), rs.getLong("user_id"), kind, target,
                            nameOrGone(kind, target), rs.getTimestamp("created_at").toInstant());
                })
                .list();
    }

    public boolean savedCohortsAvailable() {
        return savedCohorts.getIfAvailable() != null;
    }

    /** The subscriptions whose cohort includes the person now, whoever holds them. */
    @Transactional(readOnly = true)
    List<Subscription> covering(PersonDetails person) {
        List<Subscription> candidates = jdbc.sql("""
                        select id, user_id, kind, target_id, created_at from worklist_cohort_subscription
                         where (kind in ('TEAM_CASELOAD', 'TEAM_VIRTUAL_WARD') and target_id = any(:teams))
                            or (kind = 'PRACTICE' and target_id = :practice)
                            or kind = 'SAVED_COHORT'""")
                .param("teams", teamsOf(person.id())).param("practice", person.registeredPracticeId())
                .query((rs, n) -> new Subscription(rs.getLong("id"), rs.getLong("user_id"),
                        Kind.valueOf(rs.getString("kind")), rs.getLong("target_id"), null,
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        List<CaseloadEpisode> episodes = caseloads.activeFor(person.id());
        CohortMembership saved = savedCohorts.getIfAvailable();
        return candidates.stream().filter(s -> switch (s.kind()) {
            case TEAM_CASELOAD -> onProgramme(episodes, s.targetId(), CaseloadEpisode.Programme.CASELOAD);
            case TEAM_VIRTUAL_WARD -> onProgramme(episodes, s.targetId(), CaseloadEpisode.Programme.VIRTUAL_WARD);
            case PRACTICE -> true;
            case SAVED_COHORT -> saved != null && saved.contains(s.targetId(), person.id());
        }).toList();
    }

    private Long[] teamsOf(long personId) {
        return caseloads.activeFor(personId).stream().map(CaseloadEpisode::teamId).distinct().toArray(Long[]::new);
    }

    private static boolean onProgramme(List<CaseloadEpisode> episodes, long teamId, CaseloadEpisode.Programme programme) {
        return episodes.stream().anyMatch(e -> e.teamId() == teamId && e.programme() == programme);
    }

    private String nameOrGone(Kind kind, long targetId) {
        try {
            return nameOf(kind, targetId);
        } catch (IllegalArgumentException e) {
            return "(no longer available)";
        }
    }

    private String nameOf(Kind kind, long targetId) {
        return switch (kind) {
            case TEAM_CASELOAD, TEAM_VIRTUAL_WARD -> teams.find(targetId).map(t -> t.name()
                            + (kind == Kind.TEAM_CASELOAD ? " caseload" : " virtual ward"))
                    .orElseThrow(() -> new IllegalArgumentException("No team with id " + targetId));
            case PRACTICE -> organisations.find(targetId).filter(o -> o.type() == org.careweave.organisation.OrganisationType.GP_PRACTICE)
                    .map(o -> "Registered with " + o.name())
                    .orElseThrow(() -> new IllegalArgumentException("No GP practice with id " + targetId));
            case SAVED_COHORT -> {
                CohortMembership saved = savedCohorts.getIfAvailable();
                if (saved == null) {
                    throw new IllegalArgumentException("Saved cohorts are not available in this installation");
                }
                yield saved.name(targetId)
                        .orElseThrow(() -> new IllegalArgumentException("No saved cohort with id " + targetId));
            }
        };
    }
}
