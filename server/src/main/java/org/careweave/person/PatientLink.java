package org.careweave.person;

/**
 * Where a partner's patient landed in the person index.
 *
 * @param sourcePatientId the stored Patient resource's id
 * @param version         the stored Patient resource's version (unchanged when the same content is resent)
 * @param change          whether the stored Patient resource is new, changed or the same as before
 * @param reviewId        the review queued for an administrator when the match was doubtful, or null
 */
public record PatientLink(long personId, long sourcePatientId, int version, Change change, MatchBasis basis,
                          Long reviewId) {

    public enum Change { CREATED, UPDATED, UNCHANGED }

    /** Why the patient was linked to this person. */
    public enum MatchBasis {
        /** The partner sent this patient before. */
        SAME_SOURCE_RECORD,
        /** A valid NHS number the index already holds. */
        NHS_NUMBER,
        /** An identifier the partner already used for this person. */
        SOURCE_IDENTIFIER,
        /** Family and given name, birth date, sex and postcode all equal, and only one such person. */
        DEMOGRAPHICS,
        /** A new person, queued for review because existing people were similar. */
        NEW_PERSON_UNDER_REVIEW,
        /** A new person: nobody similar was known. */
        NEW_PERSON
    }
}
