package org.careweave.synth;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Draws residents' demographics. The same (seed, index) always gives the same resident. */
final class Residents {

    /** Chance of living in a care home, by age group (about 3.5% of people aged 85 and over). */
    private static final double[] CARE_HOME = {0, 0, 0.0002, 0.002, 0.01, 0.035};
    /** Chance of having died in the last 12 months, by age group (England-like annual mortality). */
    private static final double[] DIED = {0.0003, 0.0007, 0.003, 0.012, 0.035, 0.13};
    private static final double REGISTERED_AT_LOCAL_PRACTICE = 0.8;

    private final long seed;
    private final LocalDate asOf;
    private final ReferenceData reference;
    private final Geography geography;
    private final int practices;

    Residents(long seed, LocalDate asOf, ReferenceData reference, Geography geography, int practices) {
        this.seed = seed;
        this.asOf = asOf;
        this.reference = reference;
        this.geography = geography;
        this.practices = practices;
    }

    Resident create(long index, long id) {
        SplittableRandom random = Seeds.random(seed, Seeds.RESIDENTS, index);
        AgeStructure.Draw draw = reference.ageStructure().draw(random);
        int age = draw.age();
        LocalDate birthDate = asOf.minusYears(age).minusDays(random.nextInt(365));
        Geography.Area area = geography.area(random);
        int street = random.nextInt(Geography.STREETS_PER_AREA);
        String address = (1 + random.nextInt(160)) + " " + area.streets()[street];
        String given = reference.names().given(draw.female(), random);
        String family = reference.names().family(random);
        String ethnic = reference.ethnicCategories().draw(age, random);
        int practice = random.nextDouble() < REGISTERED_AT_LOCAL_PRACTICE ? area.mainPractice()
                : random.nextInt(practices);
        double risk = random.nextGaussian();
        int group = AgeGroup.of(age).ordinal();
        boolean careHome = random.nextDouble() < CARE_HOME[group];
        // Ill-health raises the chance of death (scaled to keep the average near the table).
        boolean died = random.nextDouble() < DIED[group] * Math.exp(0.4 * risk - 0.08);
        LocalDate deceased = died ? latest(birthDate, asOf.minusDays(random.nextInt(365))) : null;
        boolean verified = random.nextDouble() < 0.98;
        return new Resident(id, age, draw.female(), birthDate, given, family, address, area.postcodes()[street],
                area.code(), area.imdDecile(), ethnic, practice, careHome, deceased, verified, risk, random);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
