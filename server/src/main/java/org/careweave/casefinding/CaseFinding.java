package org.careweave.casefinding;

import java.util.List;

import org.careweave.access.AccessContext;
import org.careweave.access.AccessIntent;
import org.careweave.access.AccessPolicy;
import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Caseloads;
import org.careweave.caseload.Enrolment;
import org.careweave.organisation.Teams;
import org.careweave.risk.RiskAssessments;
import org.careweave.risk.RiskProfile;
import org.careweave.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worklist's actions on one person: the explanation of their scores, enrolment onto a caseload or virtual ward
 * (through {@link Caseloads}), and dismissal with a reason. Each is decided and audited by the access policy.
 */
@Service
@Transactional
public class CaseFinding {

    private final AccessPolicy policy;
    private final RiskAssessments assessments;
    private final Caseloads caseloads;
    private final Teams teams;
    private final JdbcClient jdbc;

    CaseFinding(AccessPolicy policy, RiskAssessments assessments, Caseloads caseloads, Teams teams, JdbcClient jdbc) {
        this.policy = policy;
        this.assessments = assessments;
        this.caseloads = caseloads;
        this.teams = teams;
        this.jdbc = jdbc;
    }

    /** Why the person was found: their scores and what contributed. */
    @Transactional(readOnly = true)
    public RiskProfile explanation(AccessContext who, long personId) {
        return assessments.forCaseFinding(who, personId).orElseThrow(() -> new NotFound(
                "There are no risk scores for person " + personId + " (they may have died or been merged)"));
    }

    /** The person's open caseload and virtual ward episodes, so a coordinator does not enrol them twice. */
    @Transactional(readOnly = true)
    public List<CaseloadEpisode> openEpisodes(AccessContext who, long personId) {
        policy.requireCaseFinding(who, personId, AccessIntent.read("EpisodeOfCare", null));
        return caseloads.activeFor(personId);
    }

    /**
     * Enrols the person onto a team the caller belongs to; the team's relationship with them, and so its members'
     * sight of their record, starts with the episode.
     *
     * @throws IllegalArgumentException naming what is wrong with the request
     */
    public CaseloadEpisode enrol(AccessContext who, Enrolment enrolment) {
        policy.requireCaseFinding(who, enrolment.personId(), AccessIntent.create("EpisodeOfCare", null));
        // an unknown team is left to Caseloads, which names it
        if (teams.find(enrolment.teamId()).filter(team -> !team.memberIds().contains(who.userId())).isPresent()) {
            throw new IllegalArgumentException("You can enrol people only onto a team you are a member of");
        }
        return caseloads.enrol(enrolment, who.actor());
    }

    /** Records that the person was reviewed and not enrolled; they leave the worklist until their score changes. */
    public void dismiss(AccessContext who, long personId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Give the reason for not enrolling the person");
        }
        RiskProfile profile = assessments.forCaseFinding(who, personId).orElseThrow(() ->
                new IllegalArgumentException("There are no risk scores for person " + personId));
        jdbc.sql("""
                        insert into case_finding_dismissal (person_id, reason, priority, priority_version, dismissed_by)
                        values (:person, :reason, :priority, :version, :by)""")
                .param("person", personId).param("reason", reason.strip())
                .param("priority", profile.priority().value()).param("version", profile.priority().version())
                .param("by", who.actor()).update();
    }
}
