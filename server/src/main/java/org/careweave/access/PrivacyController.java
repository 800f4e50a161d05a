package org.careweave.access;

import java.time.LocalDate;
import java.util.EnumSet;

import org.careweave.organisation.Organisations;
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

/** The privacy officer's break-glass review queue and the administrators' data-sharing agreements. */
@Controller
class PrivacyController {

    private final BreakGlass breakGlass;
    private final SharingAgreements agreements;
    private final Organisations organisations;
    private final Callers callers;

    PrivacyController(BreakGlass breakGlass, SharingAgreements agreements, Organisations organisations, Callers callers) {
        this.breakGlass = breakGlass;
        this.agreements = agreements;
        this.organisations = organisations;
        this.callers = callers;
    }

    @Bean
    static NavigationEntry breakGlassReviewNavigation() {
        return new NavigationEntry("Break-glass reviews", "/privacy/break-glass", 60, EnumSet.of(Role.PRIVACY_OFFICER));
    }

    @Bean
    static NavigationEntry sharingAgreementsNavigation() {
        return new NavigationEntry("Sharing agreements", "/admin/sharing-agreements", 70,
                EnumSet.of(Role.ADMINISTRATOR, Role.PRIVACY_OFFICER));
    }

    @GetMapping("/privacy/break-glass")
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    String reviews(Model model) {
        model.addAttribute("uses", breakGlass.awaitingReview());
        return "access/break-glass-reviews";
    }

    @PostMapping("/privacy/break-glass/{useId}/review")
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    String review(@PathVariable long useId, @RequestParam BreakGlass.Outcome outcome,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            breakGlass.review(useId, outcome, note, callers.current(Purpose.ADMINISTRATION));
            redirect.addFlashAttribute("message", "Review of emergency access " + useId + " recorded.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/privacy/break-glass";
    }

    @GetMapping("/admin/sharing-agreements")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'PRIVACY_OFFICER')")
    String agreements(Model model) {
        model.addAttribute("agreements", agreements.all());
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("categories", DataCategory.values());
        model.addAttribute("mayEdit", callers.current(Purpose.ADMINISTRATION).roles().contains(Role.ADMINISTRATOR));
        return "access/sharing-agreements";
    }

    @PostMapping("/admin/sharing-agreements")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    String createAgreement(@RequestParam long provider, @RequestParam long recipient, @RequestParam String category,
                           @RequestParam(required = false) String startsOn, @RequestParam(required = false) String endsOn,
                           RedirectAttributes redirect) {
        try {
            agreements.create(provider, recipient, DataCategory.parse(category),
                    date(startsOn, "start date"), endsOn == null || endsOn.isBlank() ? null : date(endsOn, "end date"),
                    callers.current(Purpose.ADMINISTRATION).actor());
            redirect.addFlashAttribute("message", "The sharing agreement was recorded.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/sharing-agreements";
    }

    private static LocalDate date(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Enter the " + what);
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("The " + what + " must be a real date, like 2026-04-01");
        }
    }
}
