package org.careweave.record;

import java.time.Instant;
import java.util.List;

import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Caseloads;
import org.careweave.organisation.Staff;
import org.careweave.organisation.StaffMember;
import org.careweave.organisation.Team;
import org.careweave.organisation.Teams;
import org.springframework.stereotype.Component;

/**
 * Who looks after the person proactively, for the record summary: each team whose caseload or virtual ward they are
 * on, with the named coordinator. Callers show it only to viewers the policy let see the person.
 */
@Component
class PersonCareTeam {

    private final Caseloads caseloads;
    private final Teams teams;
    private final Staff staff;

    PersonCareTeam(Caseloads caseloads, Teams teams, Staff staff) {
        this.caseloads = caseloads;
        this.teams = teams;
        this.staff = staff;
    }

    /** One open episode: the team, "caseload" or "virtual ward", the coordinator's name, and since when. */
    record Member(String teamName, String programme, String coordinator, Instant since) {
    }

    List<Member> of(long personId) {
        return caseloads.activeFor(personId).stream().map(this::member).toList();
    }

    private Member member(CaseloadEpisode episode) {
        String team = teams.find(episode.teamId()).map(Team::name).orElse("Team " + episode.teamId());
        String coordinator = staff.member(episode.careManagerId()).map(StaffMember::displayName)
                .orElse("Staff member " + episode.careManagerId());
        String programme = episode.programme() == CaseloadEpisode.Programme.VIRTUAL_WARD ? "Virtual ward" : "Caseload";
        return new Member(team, programme, coordinator, episode.startedAt());
    }
}
