package org.careweave.access;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policy's answer for one person and one viewer: whether they may see the record at all, on what basis, and
 * which items from other organisations they may see. Items hidden by policy are shown as "withheld", never dropped
 * silently, so {@link #withheld} says why.
 *
 * @param agreements      for each provider organisation, the categories it shares with the viewer's organisation
 * @param objectedOrganisations organisations the person objects to sharing with
 * @param objectedCategories    categories the person objects to sharing beyond the organisation that recorded them
 * @param permittedSensitive    sensitive categories the person has permitted to be shared
 */
public record PersonAccess(long personId, Basis basis, long viewerOrganisationId,
                           Map<Long, Set<DataCategory>> agreements, Set<Long> objectedOrganisations,
                           Set<DataCategory> objectedCategories, Set<DataCategory> permittedSensitive) {

    /** Why access was given or refused. */
    public enum Basis {
        CARE_TEAM, CASELOAD, REFERRAL, REGISTERED_PRACTICE, BREAK_GLASS,
        /**
         * Case finding for proactive care (see {@link AccessPolicy#requireCaseFinding}): sight of a person's risk
         * scores and their explanation, and enrolment; never of the record itself, so {@link AccessPolicy#decide}
         * never answers with it. The explanation may name what any organisation recorded (scores are made from the
         * whole record), but, as under break-glass, never what the person objected to or has not permitted.
         */
        CASE_FINDING,
        /**
         * A system administrator keeping the person index: confirming or rejecting doubtful matches, merging and
         * unmerging duplicates (see {@link AccessPolicy#requirePersonIndexAdministration}). Demographics only, never
         * the record, so {@link AccessPolicy#decide} never answers with it.
         */
        PERSON_INDEX_ADMINISTRATION,
        /** A system client without a relationship: only what its own organisation contributed. */
        OWN_RECORDS_ONLY,
        ROLE_NOT_PERMITTED, NO_RELATIONSHIP;

        public boolean allows() {
            return this != ROLE_NOT_PERMITTED && this != NO_RELATIONSHIP;
        }
    }

    /** Why an item is withheld from this viewer. */
    public enum Withheld {
        NO_SHARING_AGREEMENT("not shared with your organisation"),
        NO_RELATIONSHIP("your organisation has no care relationship with the person"),
        PERSON_OBJECTED("the person has asked for this not to be shared"),
        SENSITIVE_NOT_PERMITTED("sensitive information the person has not agreed to share");

        private final String explanation;

        Withheld(String explanation) {
            this.explanation = explanation;
        }

        public String explanation() {
            return explanation;
        }
    }

    public PersonAccess {
        agreements = Map.copyOf(agreements);
        objectedOrganisations = Set.copyOf(objectedOrganisations);
        objectedCategories = Set.copyOf(objectedCategories);
        permittedSensitive = Set.copyOf(permittedSensitive);
    }

    static PersonAccess denied(long personId, Basis basis, long viewerOrganisationId) {
        return new PersonAccess(personId, basis, viewerOrganisationId, Map.of(), Set.of(), Set.of(), Set.of());
    }

    public boolean allowed() {
        return basis.allows();
    }

    /** Who the person is (name, NHS number, address) needs a relationship; a system client's own items do not. */
    public boolean mayViewDemographics() {
        return allowed() && basis != Basis.OWN_RECORDS_ONLY;
    }

    /** Empty when the viewer may see an item recorded by {@code sourceOrganisationId} in {@code category}. */
    public Optional<Withheld> withheld(long sourceOrganisationId, DataCategory category) {
        if (!allowed()) {
            throw new IllegalStateException("access to the person was refused; no item may be shown");
        }
        if (sourceOrganisationId == viewerOrganisationId) {
            return Optional.empty();
        }
        if (basis == Basis.OWN_RECORDS_ONLY) {
            return Optional.of(Withheld.NO_RELATIONSHIP);
        }
        if (objectedOrganisations.contains(viewerOrganisationId) || objectedCategories.contains(category)) {
            return Optional.of(Withheld.PERSON_OBJECTED);
        }
        if (category.sensitive() && !permittedSensitive.contains(category)) {
            return Optional.of(Withheld.SENSITIVE_NOT_PERMITTED);
        }
        if (basis == Basis.BREAK_GLASS || basis == Basis.CASE_FINDING
                || agreements.getOrDefault(sourceOrganisationId, Set.of()).contains(category)) {
            return Optional.empty();
        }
        return Optional.of(Withheld.NO_SHARING_AGREEMENT);
    }

    public boolean mayView(long sourceOrganisationId, DataCategory category) {
        return withheld(sourceOrganisationId, category).isEmpty();
    }
}
