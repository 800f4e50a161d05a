package org.careweave.record;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.careweave.access.AccessContext;
import org.careweave.access.AccessDenied;
import org.careweave.access.BreakGlass;
import org.careweave.access.Callers;
import org.careweave.access.Consents;
import org.careweave.access.DataCategory;
import org.careweave.access.PersonAccess;
import org.careweave.access.Purpose;
import org.careweave.access.SharingChoices;
import org.careweave.organisation.Organisations;
import org.careweave.person.PersonDetails;
import org.careweave.person.Persons;
import org.careweave.shared.NavigationEntry;
import org.careweave.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Finding a person and reading their shared record in the web UI, through the same policy as the APIs. */
@Controller
class PersonController {

    private final PersonRecords records;
    private final Callers callers;
    private final Consents consents;
    private final SharingChoices choices;
    private final BreakGlass breakGlass;
    private final Organisations organisations;
    private final PersonCareTeam careTeam;
    private final Persons persons;

    PersonController(PersonRecords records, Callers callers, Consents consents, SharingChoices choices,
                     BreakGlass breakGlass, Organisations organisations, PersonCareTeam careTeam, Persons persons) {
        this.records = records;
        this.callers = callers;
        this.consents = consents;
        this.choices = choices;
        this.breakGlass = breakGlass;
        this.organisations = organisations;
        this.careTeam = careTeam;
        this.persons = persons;
    }

    @Bean
    static NavigationEntry findAPersonNavigation() {
        return new NavigationEntry("Find a person", "/people", 20, java.util.Arrays.stream(Role.values())
                .filter(Role::caresDirectly).collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(Role.class))));
    }

    @GetMapping("/people")
    String find(@RequestParam(required = false) String nhsNumber, Model model) {
        if (nhsNumber == null) {
            return "record/find";
        }
        String digits = nhsNumber.replaceAll("[\\s-]", "");
        model.addAttribute("nhsNumber", nhsNumber);
        if (!digits.matches("\\d{10}")) {
            model.addAttribute("error", "Enter an NHS number of 10 digits, like 999 123 4567");
            return "record/find";
        }
        Optional<PersonDetails> found = records.findByNhsNumber(callers.current(Purpose.DIRECT_CARE), digits);
        if (found.isPresent()) {
            return "redirect:/people/" + found.get().id();
        }
        model.addAttribute("notFound", true);
        return "record/find";
    }

    @GetMapping("/people/{personId}")
    String summary(@PathVariable long personId,
                   @RequestParam(required = false) String category,
                   @RequestParam(required = false) Long source,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   Model model) {
        AccessContext who = callers.current(Purpose.DIRECT_CARE);
        PersonRecord record = records.view(who, personId, RecordFilter.ALL);
        RecordFilter filter = new RecordFilter(Set.of(), category == null || category.isBlank() ? Set.of() : Set.of(category),
                source, from, to);
        List<RecordItem> timeline = record.items().stream().filter(item -> matches(filter, item)).toList();
        model.addAttribute("record", record);
        model.addAttribute("person", record.person());
        model.addAttribute("age", record.person().ageOn(LocalDate.now()));
        model.addAttribute("problems", record.itemsIn("problem"));
        model.addAttribute("medications", record.itemsIn("medication"));
        model.addAttribute("allergies", record.itemsIn("allergy"));
        model.addAttribute("encounters", record.itemsIn("emergency-admission", "elective-admission", "ae-attendance",
                "gp-consultation").stream().limit(10).toList());
        model.addAttribute("socialCare", record.itemsIn("social-care-package", "care-home-placement"));
        model.addAttribute("timeline", timeline);
        model.addAttribute("filter", filter);
        model.addAttribute("categories", record.items().stream().map(RecordItem::category).distinct().sorted().toList());
        model.addAttribute("sources", record.items().stream().map(i -> new Source(i.sourceOrganisationId(),
                i.sourceOrganisationName())).distinct().sorted((a, b) -> a.name().compareTo(b.name())).toList());
        List<PersonCareTeam.Member> team = careTeam.of(personId);
        model.addAttribute("careTeam", team);
        model.addAttribute("flags", RecordFlags.of(record.person(), record.items(), team));
        model.addAttribute("keyContacts", persons.keyContacts(personId));
        model.addAttribute("consents", consents.of(personId));
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("categoryChoices", DataCategory.values());
        model.addAttribute("practice", record.person().registeredPracticeId() == null ? null
                : organisations.find(record.person().registeredPracticeId()).map(o -> o.name()).orElse(null));
        model.addAttribute("breakGlassUntil", record.basis() == PersonAccess.Basis.BREAK_GLASS
                ? breakGlass.ofPerson(personId).stream().filter(u -> u.userId() == who.userId()).findFirst()
                        .map(u -> u.expiresAt().atZone(ZoneId.systemDefault()).toLocalTime().withNano(0)).orElse(null)
                : null);
        return "record/summary";
    }

    record Source(long id, String name) {
    }

    private static boolean matches(RecordFilter filter, RecordItem item) {
        LocalDate day = item.start() == null ? null : LocalDate.ofInstant(item.start(), ZoneId.systemDefault());
        return (filter.categories().isEmpty() || filter.categories().contains(item.category()))
                && (filter.sourceOrganisationId() == null || filter.sourceOrganisationId() == item.sourceOrganisationId())
                && (filter.from() == null || (day != null && !day.isBefore(filter.from())))
                && (filter.to() == null || (day != null && !day.isAfter(filter.to())));
    }

    @PostMapping("/people/{personId}/consents")
    String recordConsent(@PathVariable long personId, @RequestParam Consents.Kind kind,
                         @RequestParam(required = false) Long organisation, @RequestParam(required = false) String category,
                         @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            DataCategory chosen = kind == Consents.Kind.OBJECT_ORGANISATION || category == null || category.isBlank()
                    ? null : DataCategory.parse(category);
            choices.record(callers.current(Purpose.DIRECT_CARE), personId, kind, organisation, chosen, note);
            redirect.addFlashAttribute("message", "The sharing choice was recorded.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("consentError", e.getMessage());
        }
        return "redirect:/people/" + personId + "#sharing";
    }

    @PostMapping("/people/{personId}/consents/{consentId}/withdrawal")
    String withdrawConsent(@PathVariable long personId, @PathVariable long consentId, RedirectAttributes redirect) {
        try {
            choices.withdraw(callers.current(Purpose.DIRECT_CARE), personId, consentId);
            redirect.addFlashAttribute("message", "The sharing choice was withdrawn.");
        } catch (IllegalArgumentException staleOrNotTheirs) {
            // a second click, a second tab or an old page: said on the person's page
            redirect.addFlashAttribute("consentError", staleOrNotTheirs.getMessage());
        }
        return "redirect:/people/" + personId + "#sharing";
    }

    @PostMapping("/people/{personId}/break-glass")
    String openBreakGlass(@PathVariable long personId, @RequestParam String reason, RedirectAttributes redirect) {
        try {
            breakGlass.open(callers.current(Purpose.EMERGENCY_CARE), personId, reason);
            return "redirect:/people/" + personId;
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("breakGlassError", e.getMessage());
            redirect.addFlashAttribute("reason", reason);
            return "redirect:/people/" + personId;
        }
    }

    @ExceptionHandler(AccessDenied.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String noRelationship(AccessDenied denied, Model model,
                          jakarta.servlet.http.HttpServletRequest request) {
        AccessContext who = callers.current(Purpose.DIRECT_CARE);
        model.addAttribute("refusal", denied.getMessage());
        java.util.Map<String, ?> flash = org.springframework.web.servlet.support.RequestContextUtils.getInputFlashMap(request);
        if (flash != null) {
            model.addAllAttributes(flash);
        }
        model.addAttribute("mayBreakGlass", who.roles().stream().anyMatch(Role::mayBreakGlass)
                && denied.basis() == PersonAccess.Basis.NO_RELATIONSHIP);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("/people/(\\d+)").matcher(request.getRequestURI());
        model.addAttribute("personId", id.find() ? id.group(1) : null);
        return "record/no-relationship";
    }
}
