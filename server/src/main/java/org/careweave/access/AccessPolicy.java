package org.careweave.access;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides every access to a person's data. Deny by default: staff (and people calling with a token that names their
 * roles) need a role that cares for people directly and
 * a legitimate relationship (care team, team caseload, open referral, registered practice) or an active
 * break-glass; what they then see of other organisations' records follows data-sharing agreements and the
 * person's choices (see {@link PersonAccess#withheld}).
 */
@Service
@Transactional(readOnly = true)
public class AccessPolicy {

    private final AccessPolicyRepository repository;
    private final AgreementsInForce agreements;
    private final AccessAudit audit;

    AccessPolicy(AccessPolicyRepository repository, AgreementsInForce agreements, AccessAudit audit) {
        this.repository = repository;
        this.agreements = agreements;
        this.audit = audit;
    }

    public PersonAccess decide(AccessContext who, long personId) {
        return decide(who, personId, () -> repository.facts(who.userId(), who.actingOrganisationId(), personId));
    }

    /**
     * As {@link #decide(AccessContext, long)}, from facts the caller read with {@link AccessFacts#sqlCall}, or that
     * are read here; facts are not needed when the role alone refuses.
     */
    private PersonAccess decide(AccessContext who, long personId, java.util.function.Supplier<AccessFacts> read) {
        if (!who.isPartnerSystem() && !who.caresDirectly()) {
            return PersonAccess.denied(personId, PersonAccess.Basis.ROLE_NOT_PERMITTED, who.actingOrganisationId());
        }
        AccessFacts facts = read.get();
        PersonAccess.Basis basis = basisOf(facts, who);
        if (!basis.allows()) {
            return PersonAccess.denied(personId, basis, who.actingOrganisationId());
        }
        return new PersonAccess(personId, basis, who.actingOrganisationId(),
                agreements.sharedWith(who.actingOrganisationId(), facts.agreementsVersion()),
                facts.objectedOrganisations(), facts.objectedCategories(), facts.permittedSensitive());
    }

    /**
     * Decides, records the decision in the audit trail, and refuses with {@link AccessDenied} instead of answering
     * "no". Every read or write of a person's data goes through here (or {@link #requireDemographics}).
     */
    public PersonAccess require(AccessContext who, long personId, AccessIntent intent) {
        return audited(who, personId, intent, decide(who, personId), PersonAccess::allowed);
    }

    /** As {@link #require(AccessContext, long, AccessIntent)}, from facts read in the caller's own query. */
    public PersonAccess require(AccessContext who, long personId, AccessIntent intent, AccessFacts facts) {
        return audited(who, personId, intent, decide(who, personId, () -> facts), PersonAccess::allowed);
    }

    /** As {@link #require}, and the viewer must also be allowed to know who the person is. */
    public PersonAccess requireDemographics(AccessContext who, long personId, AccessIntent intent) {
        return audited(who, personId, intent, decide(who, personId), PersonAccess::mayViewDemographics);
    }

    /**
     * Recording or withdrawing one of the person's sharing choices: allowed to those who may know who the person is,
     * but a change that widens what is shared ({@code widens}) is refused under break-glass, which overrides sharing
     * agreements and never the person's own choices. Recorded in the audit trail either way.
     */
    public PersonAccess requireSharingChoice(AccessContext who, long personId, AccessIntent intent, boolean widens) {
        PersonAccess access = decide(who, personId);
        boolean selfWidening = widens && access.basis() == PersonAccess.Basis.BREAK_GLASS;
        record(who, personId, intent, access, access.mayViewDemographics() && !selfWidening);
        if (selfWidening) {
            throw new AccessDenied(access.basis(), "Break-glass access cannot widen what is shared about the person: "
                    + "a permission, or the withdrawal of an objection, needs someone with a care relationship.");
        }
        return refuseUnless(access, PersonAccess::mayViewDemographics);
    }

    /**
     * Decides whether the viewer may know who the person is and records the decision, without refusing: for searches,
     * where a person the caller may not see is simply not found.
     */
    public boolean checkDemographics(AccessContext who, long personId, AccessIntent intent) {
        return checkDemographics(who, personId, intent, decide(who, personId));
    }

    /** As {@link #checkDemographics(AccessContext, long, AccessIntent)}, from facts read in the caller's own query. */
    public boolean checkDemographics(AccessContext who, long personId, AccessIntent intent, AccessFacts facts) {
        return checkDemographics(who, personId, intent, decide(who, personId, () -> facts));
    }

    private boolean checkDemographics(AccessContext who, long personId, AccessIntent intent, PersonAccess access) {
        record(who, personId, intent, access, access.mayViewDemographics());
        return access.mayViewDemographics();
    }

    /**
     * Records writes to these people's data that need no decision: a partner system storing what it recorded itself
     * (FHIR bundles, HL7v2 messages). Made inside the writing transaction, they are on record once it commits, and
     * not at all if it rolls back.
     */
    public void recordWrites(AccessContext who, java.util.Collection<Long> personIds, AccessIntent intent) {
        audit.allowed(who, personIds, intent);
    }

    /** Records an access that needed no decision of its own (e.g. a search that found nobody the caller may see). */
    public void recordAccess(AccessContext who, Long personId, AccessIntent intent) {
        audit.allowed(who, personId, intent, null);
    }

    /**
     * The GP practices whose registered patients the caller may case-find for, for direct care (see
     * docs/case-finding.md): staff who care for people directly, at a practice or in a neighbourhood team covering
     * it. Empty for everyone else (analysts, administrators, system clients), who see counts only.
     */
    public java.util.Set<Long> caseFindingPractices(AccessContext who) {
        if (who.isSystemClient() || !who.caresDirectly()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(repository.caseFindingPractices(who.userId(), who.actingOrganisationId()));
    }

    /**
     * As {@link #caseFindingPractices}, for listing identifiable people: refuses with {@link AccessDenied} (and
     * records the refusal) when the caller may see counts only.
     */
    public java.util.Set<Long> requireCaseFindingScope(AccessContext who, AccessIntent intent) {
        java.util.Set<Long> practices = caseFindingPractices(who);
        if (practices.isEmpty()) {
            PersonAccess.Basis basis = who.isSystemClient() || !who.caresDirectly()
                    ? PersonAccess.Basis.ROLE_NOT_PERMITTED : PersonAccess.Basis.NO_RELATIONSHIP;
            audit.denied(who, null, intent, basis);
            throw new AccessDenied(basis, "You may see how many people are in a cohort, not who they are: case "
                    + "finding is for staff of a person's practice and the neighbourhood teams that cover it.");
        }
        return practices;
    }

    /**
     * Case finding for one person (their scores and explanation, enrolment, dismissal): allowed when they are
     * registered at one of {@link #caseFindingPractices}; recorded in the audit trail either way, and refused with
     * {@link AccessDenied} otherwise. It never gives sight of the record itself.
     *
     * @return the access, with the person's sharing choices, that decides which contributing items an explanation
     *         may name (see {@link PersonAccess.Basis#CASE_FINDING})
     */
    public PersonAccess requireCaseFinding(AccessContext who, long personId, AccessIntent intent) {
        Long practice = repository.registeredPractice(personId);
        boolean allowed = practice != null && caseFindingPractices(who).contains(practice);
        if (allowed) {
            audit.allowed(who, personId, intent, PersonAccess.Basis.CASE_FINDING);
            AccessFacts facts = repository.facts(who.userId(), who.actingOrganisationId(), personId);
            return new PersonAccess(personId, PersonAccess.Basis.CASE_FINDING, who.actingOrganisationId(), Map.of(),
                    facts.objectedOrganisations(), facts.objectedCategories(), facts.permittedSensitive());
        }
        PersonAccess.Basis basis = who.isSystemClient() || !who.caresDirectly()
                ? PersonAccess.Basis.ROLE_NOT_PERMITTED : PersonAccess.Basis.NO_RELATIONSHIP;
        audit.denied(who, personId, intent, basis);
        throw new AccessDenied(basis, basis == PersonAccess.Basis.ROLE_NOT_PERMITTED
                ? "Your role may see counts of people in a cohort, not who they are."
                : "Case finding is for the person's registered practice and the neighbourhood teams that cover it.");
    }

    /**
     * Keeping the person index (seeing who a doubtful match might be, merging and unmerging duplicates): for staff
     * signed in as system administrators, who see demographics for it and never the record. One audit event per
     * person, allowed or refused; refused with {@link AccessDenied} for anyone else.
     */
    public void requirePersonIndexAdministration(AccessContext who, java.util.Collection<Long> personIds,
                                                 AccessIntent intent) {
        java.util.List<Long> audited = personIds.isEmpty() ? java.util.Collections.singletonList(null)
                : java.util.List.copyOf(personIds);
        if (who.userId() != null && who.roles().contains(org.careweave.shared.Role.ADMINISTRATOR)) {
            audited.forEach(id -> audit.allowed(who, id, intent, PersonAccess.Basis.PERSON_INDEX_ADMINISTRATION));
            return;
        }
        audited.forEach(id -> audit.denied(who, id, intent, PersonAccess.Basis.ROLE_NOT_PERMITTED));
        throw new AccessDenied(PersonAccess.Basis.ROLE_NOT_PERMITTED,
                "Only system administrators, signed in, may confirm matches and merge or unmerge people.");
    }

    /** Records, one event per person, that a case-finding list showed these people (already in the caller's scope). */
    public void recordCaseFinding(AccessContext who, java.util.Collection<Long> personIds, AccessIntent intent) {
        personIds.forEach(id -> audit.allowed(who, id, intent, PersonAccess.Basis.CASE_FINDING));
    }

    private PersonAccess audited(AccessContext who, long personId, AccessIntent intent, PersonAccess access,
                                 java.util.function.Predicate<PersonAccess> test) {
        record(who, personId, intent, access, test.test(access));
        return refuseUnless(access, test);
    }

    private void record(AccessContext who, long personId, AccessIntent intent, PersonAccess access, boolean allowed) {
        if (allowed) {
            audit.allowed(who, personId, intent, access.basis());
        } else {
            audit.denied(who, personId, intent, access.basis());
        }
    }

    private static PersonAccess refuseUnless(PersonAccess access, java.util.function.Predicate<PersonAccess> test) {
        if (!test.test(access)) {
            throw new AccessDenied(access.basis(), switch (access.basis()) {
                case ROLE_NOT_PERMITTED -> "Your role does not give access to personal records.";
                default -> "You have no care relationship with this person. In an emergency, a clinician may "
                        + "use break-glass access with a reason.";
            });
        }
        return access;
    }

    private static PersonAccess.Basis basisOf(AccessFacts facts, AccessContext who) {
        if (facts.relationship() != null) {
            return PersonAccess.Basis.valueOf(facts.relationship());
        }
        if (facts.breakGlass() && who.mayBreakGlass()) {
            return PersonAccess.Basis.BREAK_GLASS;
        }
        if (who.isPartnerSystem()) {
            return PersonAccess.Basis.OWN_RECORDS_ONLY;
        }
        return PersonAccess.Basis.NO_RELATIONSHIP;
    }
}
