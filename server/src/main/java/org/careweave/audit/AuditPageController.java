package org.careweave.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.careweave.shared.NavigationEntry;
import org.careweave.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The privacy officer's search of the audit trail, with the chain's verification. */
@Controller
@PreAuthorize("hasRole('PRIVACY_OFFICER')")
class AuditPageController {

    private static final int PAGE = 50;

    private final AuditTrail trail;

    AuditPageController(AuditTrail trail) {
        this.trail = trail;
    }

    @Bean
    static NavigationEntry auditNavigation() {
        return new NavigationEntry("Audit trail", "/audit", 50, EnumSet.of(Role.PRIVACY_OFFICER));
    }

    @GetMapping("/audit")
    String search(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) String actor, @RequestParam(required = false) Long person,
                  @RequestParam(required = false) AuditEvent.Action action,
                  @RequestParam(required = false) AuditEvent.Outcome outcome,
                  @RequestParam(required = false) Long before, @RequestParam(defaultValue = "false") boolean verify,
                  Model model) {
        String who = actor == null || actor.isBlank() ? null : actor.strip();
        try {
            AuditQuery query = new AuditQuery(from == null ? null : from.atStartOfDay(ZoneId.systemDefault()).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant(), who, person,
                    action, outcome, before, PAGE);
            trail.record(AuditApiController.bySignedInUser(AuditEvent.Action.SEARCH, AuditEvent.Outcome.SUCCESS, null,
                    person, "AuditEvent", "web"));
            List<AuditEvent> events = trail.search(query);
            model.addAttribute("events", events);
            model.addAttribute("nextBefore", events.size() == PAGE ? events.get(events.size() - 1).id() : null);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("events", List.of());
        }
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("actor", who);
        model.addAttribute("person", person);
        model.addAttribute("action", action);
        model.addAttribute("outcome", outcome);
        model.addAttribute("actions", AuditEvent.Action.values());
        model.addAttribute("outcomes", AuditEvent.Outcome.values());
        // Walking the whole chain takes time on a large trail, so it is done only when asked for.
        model.addAttribute("verification", verify ? trail.verify() : null);
        return "audit/search";
    }
}
