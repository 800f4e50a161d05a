package org.careweave.synth;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * One synthetic resident as drawn from their own random stream. The stream continues to drive their record items.
 *
 * @param practice          index of the registered GP practice in the neighbourhood
 * @param risk              latent ill-health (standard normal): ties a person's conditions and service use together
 * @param deceasedDate      null while alive
 */
record Resident(long id, int age, boolean female, LocalDate birthDate, String givenName, String familyName,
                String addressLine, String postcode, String lsoaCode, int imdDecile, String ethnicCategory,
                int practice, boolean careHomeResident, LocalDate deceasedDate, boolean nhsNumberVerified,
                double risk, SplittableRandom random) {

    AgeGroup ageGroup() {
        return AgeGroup.of(age);
    }

    /** Last day the resident could have had care: the date of death or the generation date. */
    LocalDate lastDay(LocalDate asOf) {
        return deceasedDate == null ? asOf : deceasedDate;
    }
}
