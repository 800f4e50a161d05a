package org.careweave.organisation;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.careweave.shared.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API to manage organisations, staff, their roles and teams. Changes are for administrators. */
@RestController
@RequestMapping("/api")
class OrganisationApiController {

    record NewOrganisation(@NotBlank String odsCode, @NotBlank String name, @NotNull OrganisationType type,
                           String parentCode, String postcode) {
    }

    record NewStaffMember(@NotBlank String username, @NotBlank String displayName, @NotBlank String password,
                          @NotBlank String role, @NotBlank String organisation) {
    }

    record RoleGrant(@NotBlank String role, @NotBlank String organisation) {
    }

    record NewTeam(@NotBlank String name, @NotNull Team.Kind kind, @NotBlank String leadOrganisation) {
    }

    record Membership(@NotNull Long userId) {
    }

    record Enabled(@NotNull Boolean enabled) {
    }

    private final Organisations organisations;
    private final Staff staff;
    private final Teams teams;

    OrganisationApiController(Organisations organisations, Staff staff, Teams teams) {
        this.organisations = organisations;
        this.staff = staff;
        this.teams = teams;
    }

    @GetMapping("/organisations")
    List<Organisation> organisations() {
        return organisations.all();
    }

    @PostMapping("/organisations")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    ResponseEntity<Organisation> createOrganisation(@Valid @RequestBody NewOrganisation request) {
        Long parent = request.parentCode() == null || request.parentCode().isBlank() ? null : idOf(request.parentCode());
        long id = organisations.create(request.odsCode(), request.name(), request.type(), parent, request.postcode());
        return ResponseEntity.created(URI.create("/api/organisations/" + id)).body(organisations.find(id).orElseThrow());
    }

    @GetMapping("/staff")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    List<StaffMember> staff() {
        return staff.all();
    }

    @PostMapping("/staff")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    ResponseEntity<StaffMember> createStaffMember(@Valid @RequestBody NewStaffMember request) {
        long id = staff.create(request.username(), request.displayName(), request.password(), Role.parse(request.role()),
                idOf(request.organisation()));
        return ResponseEntity.created(URI.create("/api/staff/" + id)).body(staff.member(id).orElseThrow());
    }

    @PostMapping("/staff/{userId}/roles")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    StaffMember grantRole(@PathVariable long userId, @Valid @RequestBody RoleGrant request) {
        staff.grantRole(userId, Role.parse(request.role()), idOf(request.organisation()));
        return staff.member(userId).orElseThrow();
    }

    @DeleteMapping("/staff/{userId}/roles")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    StaffMember revokeRole(@PathVariable long userId, @RequestParam String role, @RequestParam String organisation) {
        staff.revokeRole(userId, Role.parse(role), idOf(organisation));
        return staff.member(userId).orElseThrow();
    }

    @PostMapping("/staff/{userId}/enabled")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    StaffMember setEnabled(@PathVariable long userId, @Valid @RequestBody Enabled request) {
        staff.setEnabled(userId, request.enabled());
        return staff.member(userId).orElseThrow();
    }

    @GetMapping("/teams")
    List<Team> teams() {
        return teams.all();
    }

    @PostMapping("/teams")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    ResponseEntity<Team> createTeam(@Valid @RequestBody NewTeam request) {
        long id = teams.create(request.name(), request.kind(), idOf(request.leadOrganisation()));
        return ResponseEntity.created(URI.create("/api/teams/" + id)).body(teams.find(id).orElseThrow());
    }

    @PostMapping("/teams/{teamId}/members")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Team addMember(@PathVariable long teamId, @Valid @RequestBody Membership request) {
        teams.addMember(teamId, request.userId());
        return teams.find(teamId).orElseThrow();
    }

    @DeleteMapping("/teams/{teamId}/members/{userId}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Team removeMember(@PathVariable long teamId, @PathVariable long userId) {
        teams.removeMember(teamId, userId);
        return teams.find(teamId).orElseThrow();
    }

    private long idOf(String code) {
        return organisations.idOf(code).orElseThrow(() -> new IllegalArgumentException("No organisation has code " + code));
    }
}
