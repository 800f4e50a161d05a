package org.careweave.organisation;

import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;

import org.careweave.shared.NavigationEntry;
import org.careweave.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's screen for staff, their roles and the teams they work in. */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AdministrationController {

    private final Staff staff;
    private final Teams teams;
    private final Organisations organisations;

    AdministrationController(Staff staff, Teams teams, Organisations organisations) {
        this.staff = staff;
        this.teams = teams;
        this.organisations = organisations;
    }

    @Bean
    static NavigationEntry staffAndTeamsNavigation() {
        return new NavigationEntry("Staff and teams", "/admin/staff", 80, EnumSet.of(Role.ADMINISTRATOR));
    }

    @GetMapping("/admin/staff")
    String page(Model model) {
        java.util.List<StaffMember> members = staff.all();
        java.util.List<Organisation> all = organisations.all();
        model.addAttribute("members", members);
        model.addAttribute("teams", teams.all());
        model.addAttribute("organisations", all);
        model.addAttribute("roles", Role.values());
        model.addAttribute("teamKinds", Team.Kind.values());
        Map<Long, String> names = members.stream().collect(Collectors.toMap(StaffMember::id, StaffMember::displayName));
        model.addAttribute("memberNames", names);
        model.addAttribute("organisationNames", all.stream().collect(Collectors.toMap(Organisation::id, Organisation::name)));
        return "organisation/administration";
    }

    @PostMapping("/admin/staff")
    String addMember(@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
                     @RequestParam String role, @RequestParam long organisation, RedirectAttributes redirect) {
        return attempt(redirect, "Added " + username + ".",
                () -> staff.create(username.strip(), displayName, password, Role.parse(role), organisation));
    }

    @PostMapping("/admin/staff/{userId}/roles")
    String grantRole(@PathVariable long userId, @RequestParam String role, @RequestParam long organisation,
                     RedirectAttributes redirect) {
        return attempt(redirect, "Role added.", () -> staff.grantRole(userId, Role.parse(role), organisation));
    }

    @PostMapping("/admin/teams")
    String createTeam(@RequestParam String name, @RequestParam Team.Kind kind, @RequestParam long leadOrganisation,
                      RedirectAttributes redirect) {
        return attempt(redirect, "Team " + name + " created.", () -> teams.create(name, kind, leadOrganisation));
    }

    @PostMapping("/admin/teams/{teamId}/members")
    String addToTeam(@PathVariable long teamId, @RequestParam long userId, RedirectAttributes redirect) {
        return attempt(redirect, "Added to the team.", () -> teams.addMember(teamId, userId));
    }

    /** Runs a change and comes back to the page with what happened, or with the reason it was refused. */
    private static String attempt(RedirectAttributes redirect, String success, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("message", success);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/staff";
    }
}
