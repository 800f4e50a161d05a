package org.careweave.person;

import java.time.LocalDate;

/**
 * A person's demographics as the person index holds them.
 *
 * @param nhsNumber         ten digits, or null when the person has none on record yet
 * @param nhsNumberVerified whether the NHS number was traced and verified, not merely given
 * @param ethnicCategory    NHS data dictionary ethnic category letter, or null
 */
public record PersonDetails(long id, String nhsNumber, boolean nhsNumberVerified, String givenName,
                            String familyName, LocalDate birthDate, String sex, String addressLine, String postcode,
                            Integer imdDecile, String ethnicCategory, Long registeredPracticeId,
                            boolean careHomeResident, LocalDate deceasedDate) {

    public String displayName() {
        return givenName + " " + familyName;
    }

    public int ageOn(LocalDate day) {
        return java.time.Period.between(birthDate, deceasedDate != null && deceasedDate.isBefore(day) ? deceasedDate : day)
                .getYears();
    }
}
