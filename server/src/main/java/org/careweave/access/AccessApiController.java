package org.careweave.access;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.careweave.audit.AuditQuery;
import org.careweave.audit.AuditTrail;
import org.careweave.organisation.Organisations;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST API for a person's sharing choices, emergency access and data-sharing agreements. */
@RestController
@RequestMapping("/api")
class AccessApiController {

    record ConsentRequest(@NotNull Consents.Kind kind, String organisation, String category,
                          @Size(max = 1000) String note) {
    }

    record BreakGlassRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record BreakGlassOpened(long id, Instant expiresAt) {
    }

    record ReviewRequest(@NotNull BreakGlass.Outcome outcome, @Size(max = 2000) String note) {
    }

    record AgreementRequest(@NotBlank String provider, @NotBlank String recipient, @NotBlank String category,
                            @NotNull LocalDate startsOn, LocalDate endsOn) {
    }

    private final Callers callers;
    private final AccessPolicy policy;
    private final Consents consents;
    private final SharingChoices choices;
    private final BreakGlass breakGlass;
    private final SharingAgreements agreements;
    private final Organisations organisations;
    private final AuditTrail trail;

    AccessApiController(Callers callers, AccessPolicy policy, Consents consents, SharingChoices choices,
                        BreakGlass breakGlass, SharingAgreements agreements, Organisations organisations,
                        AuditTrail trail) {
        this.trail = trail;
        this.callers = callers;
        this.policy = policy;
        this.consents = consents;
        this.choices = choices;
        this.breakGlass = breakGlass;
        this.agreements = agreements;
        this.organisations = organisations;
    }

    @GetMapping("/people/{personId}/consents")
    List<Consents.Directive> consentsOf(@PathVariable long personId) {
        policy.requireDemographics(callers.current(Purpose.DIRECT_CARE), personId, AccessIntent.search("Consent", "patient"));
        return consents.of(personId);
    }

    @PostMapping("/people/{personId}/consents")
    ResponseEntity<Consents.Directive> recordConsent(@PathVariable long personId,
                                                     @Valid @RequestBody ConsentRequest request) {
        Consents.Kind kind = request.kind();
        Consents.Directive recorded = choices.record(callers.current(Purpose.DIRECT_CARE), personId, kind,
                kind == Consents.Kind.OBJECT_ORGANISATION ? organisation(request.organisation()) : null,
                kind == Consents.Kind.OBJECT_ORGANISATION ? null : category(request.category()), request.note());
        return ResponseEntity.created(URI.create("/api/people/" + personId + "/consents")).body(recorded);
    }

    @PostMapping("/people/{personId}/consents/{consentId}/withdrawal")
    List<Consents.Directive> withdrawConsent(@PathVariable long personId, @PathVariable long consentId) {
        choices.withdraw(callers.current(Purpose.DIRECT_CARE), personId, consentId);
        return consents.of(personId);
    }

    /** Who has accessed this person's record, newest first, for the person to be shown by those caring for them. */
    record AccessRecord(Instant when, String who, String actorType, String roles, String organisation, String action,
                        String what, String outcome) {
    }

    @GetMapping("/people/{personId}/access-history")
    List<AccessRecord> accessHistory(@PathVariable long personId) {
        policy.requireDemographics(callers.current(Purpose.DIRECT_CARE), personId,
                AccessIntent.read("AccessHistory", personId));
        return trail.search(AuditQuery.forPerson(personId, 500)).stream()
                .map(e -> new AccessRecord(e.occurredAt(), e.actor(), e.actorType().name(), e.roles(), e.organisation(),
                        e.action().name(), e.entityType(), e.outcome().name()))
                .toList();
    }

    @PostMapping("/people/{personId}/break-glass")
    ResponseEntity<BreakGlassOpened> openBreakGlass(@PathVariable long personId,
                                                    @Valid @RequestBody BreakGlassRequest request) {
        long id = breakGlass.open(callers.current(Purpose.EMERGENCY_CARE), personId, request.reason());
        Instant expires = breakGlass.ofPerson(personId).stream().filter(u -> u.id() == id).findFirst().orElseThrow()
                .expiresAt();
        return ResponseEntity.status(201).body(new BreakGlassOpened(id, expires));
    }

    @GetMapping("/break-glass/reviews")
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    List<BreakGlass.Use> awaitingReview() {
        return breakGlass.awaitingReview();
    }

    @PostMapping("/break-glass/{useId}/review")
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    ResponseEntity<Void> review(@PathVariable long useId, @Valid @RequestBody ReviewRequest request) {
        breakGlass.review(useId, request.outcome(), request.note(), callers.current(Purpose.ADMINISTRATION));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sharing-agreements")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'PRIVACY_OFFICER')")
    List<SharingAgreements.Agreement> allAgreements() {
        return agreements.all();
    }

    @PostMapping("/sharing-agreements")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    ResponseEntity<SharingAgreements.Agreement> createAgreement(@Valid @RequestBody AgreementRequest request) {
        long id = agreements.create(organisation(request.provider()), organisation(request.recipient()),
                category(request.category()), request.startsOn(), request.endsOn(),
                callers.current(Purpose.ADMINISTRATION).actor());
        SharingAgreements.Agreement created = agreements.all().stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow();
        return ResponseEntity.created(URI.create("/api/sharing-agreements/" + id)).body(created);
    }

    private long organisation(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("Name the organisation by its ODS code");
        }
        return organisations.idOf(code).orElseThrow(() -> new IllegalArgumentException("No organisation has code " + code));
    }

    private static DataCategory category(String name) {
        if (name == null) {
            throw new IllegalArgumentException("Name the data category");
        }
        return DataCategory.parse(name);
    }
}
