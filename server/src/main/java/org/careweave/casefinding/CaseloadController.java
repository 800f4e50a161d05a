package org.careweave.casefinding;

import java.util.ArrayList;
import java.util.List;

import org.careweave.access.AccessContext;
import org.careweave.access.AccessIntent;
import org.careweave.access.AccessPolicy;
import org.careweave.access.Callers;
import org.careweave.access.Purpose;
import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Caseloads;
import org.careweave.organisation.Staff;
import org.careweave.organisation.StaffMember;
import org.careweave.organisation.Teams;
import org.careweave.person.PersonDetails;
import org.careweave.person.Persons;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A coordinator's caseload: the people they are responsible for, and their teams' caseloads and virtual wards. */
@Controller
class CaseloadController {

    record Row(CaseloadEpisode episode, String person, String careManager) {
    }

    record Section(String id, String title, List<Row> rows) {
    }

    private final Caseloads caseloads;
    private final Teams teams;
    private final Staff staff;
    private final Persons persons;
    private final AccessPolicy policy;
    private final Callers callers;

    CaseloadController(Caseloads caseloads, Teams teams, Staff staff, Persons persons, AccessPolicy policy,
                       Callers callers) {
        this.caseloads = caseloads;
        this.teams = teams;
        this.staff = staff;
        this.persons = persons;
        this.policy = policy;
        this.callers = callers;
    }

    @GetMapping("/caseload")
    String caseload(Model model) {
        AccessContext who = callers.current(Purpose.DIRECT_CARE);
        List<Section> sections = new ArrayList<>();
        if (who.userId() != null) {
            sections.add(new Section("mine", "People you coordinate",
                    rows(who, caseloads.activeForCareManager(who.userId()))));
            teams.all().stream().filter(t -> t.memberIds().contains(who.userId())).forEach(team -> sections.add(
                    new Section("team-" + team.id(), team.name(), rows(who, caseloads.activeForTeam(team.id())))));
        }
        model.addAttribute("sections", sections);
        return "casefinding/caseload";
    }

    /** Names only of people the policy lets the viewer identify (each decision audited); others are counted out. */
    private List<Row> rows(AccessContext who, List<CaseloadEpisode> episodes) {
        List<Row> rows = new ArrayList<>();
        for (CaseloadEpisode episode : episodes) {
            if (policy.checkDemographics(who, episode.personId(), AccessIntent.read("EpisodeOfCare", episode.id()))) {
                rows.add(new Row(episode, persons.find(episode.personId()).map(PersonDetails::displayName)
                        .orElse("Unknown"), staff.member(episode.careManagerId()).map(StaffMember::displayName)
                        .orElse("Unknown")));
            }
        }
        return rows;
    }
}
