package org.careweave.synth;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * Draws a resident's use of services in the 12 months before the generation date: GP consultations, A&E
 * attendances, emergency and elective admissions (rates by age group, scaled by how many conditions the resident
 * has relative to their age group's average), plus council social care and care home placements.
 */
final class CareActivity {

    // Annual rates per person by AgeGroup (0-17, 18-39, 40-64, 65-74, 75-84, 85+), England-like.
    private static final double[] GP_CONSULTATIONS = {4, 4.5, 5.5, 7.5, 10, 12};
    private static final double[] AE_ATTENDANCES = {0.35, 0.4, 0.3, 0.35, 0.5, 0.9};
    private static final double[] EMERGENCY_ADMISSIONS = {0.06, 0.06, 0.08, 0.15, 0.28, 0.55};
    private static final double[] ELECTIVE_ADMISSIONS = {0.04, 0.08, 0.17, 0.3, 0.35, 0.25};
    /** Mean length of an emergency stay that lasts overnight, in days. */
    private static final double[] EMERGENCY_STAY_DAYS = {2, 3, 4.5, 6.5, 8.5, 10.5};
    /** Chance of receiving a council home care package. */
    private static final double[] SOCIAL_CARE = {0, 0.004, 0.008, 0.015, 0.05, 0.15};
    private static final double CONDITION_WEIGHT = 0.3;
    private static final String LEARNING_DISABILITY = "110359009";

    private final ConditionCatalogue catalogue;
    private final NeighbourhoodIds ids;
    private final LocalDate asOf;

    CareActivity(ConditionCatalogue catalogue, NeighbourhoodIds ids, LocalDate asOf) {
        this.catalogue = catalogue;
        this.ids = ids;
        this.asOf = asOf;
    }

    void write(ResidentItems items, java.util.List<ProblemList.Held> held) {
        Resident resident = items.resident();
        SplittableRandom random = resident.random();
        int group = resident.ageGroup().ordinal();
        double scale = (1 + CONDITION_WEIGHT * held.size())
                / (1 + CONDITION_WEIGHT * catalogue.expectedCount(resident.ageGroup()));
        LocalDate from = asOf.minusDays(365);
        if (from.isBefore(resident.birthDate())) {
            from = resident.birthDate();
        }
        int days = (int) Math.max(1, ChronoUnit.DAYS.between(from, resident.lastDay(asOf)) + 1);
        double years = days / 365.0;
        Window window = new Window(from, days, random);
        long practice = ids.practices()[resident.practice()];
        for (int i = poisson(GP_CONSULTATIONS[group] * scale * years, random); i > 0; i--) {
            LocalDateTime start = window.time(8 * 60, 10 * 60);
            boolean phone = random.nextDouble() < 0.25;
            items.coded("Encounter", "gp-consultation", phone ? "185317003" : "11429006",
                    phone ? "Telephone encounter" : "Consultation", "finished", start,
                    start.plusMinutes(10 + random.nextInt(11)), null, null, practice);
        }
        for (int i = poisson(AE_ATTENDANCES[group] * scale * years, random); i > 0; i--) {
            LocalDateTime start = window.time(0, 24 * 60);
            items.coded("Encounter", "ae-attendance", "4525004", "Emergency department patient visit", "finished",
                    start, start.plusMinutes(60 + random.nextInt(420)), null, null, ids.acuteTrust());
        }
        for (int i = poisson(EMERGENCY_ADMISSIONS[group] * scale * years, random); i > 0; i--) {
            LocalDateTime start = window.time(0, 24 * 60);
            LocalDateTime end = random.nextDouble() < 0.2 ? start.plusHours(4 + random.nextInt(7))
                    : start.plusDays(1 + exponential(EMERGENCY_STAY_DAYS[group] - 1, random)).plusHours(
                            random.nextInt(8));
            stay(items, "emergency-admission", "183452005", "Emergency hospital admission", start, end);
        }
        for (int i = poisson(ELECTIVE_ADMISSIONS[group] * scale * years, random); i > 0; i--) {
            LocalDateTime start = window.time(7 * 60 + 30, 4 * 60 + 30);
            LocalDateTime end = random.nextDouble() < 0.7 ? start.plusHours(3 + random.nextInt(6))
                    : start.plusDays(1 + exponential(1.5, random)).plusHours(random.nextInt(6));
            stay(items, "elective-admission", "8715000", "Hospital admission, elective", start, end);
        }
        socialCare(items, held, scale);
    }

    private void stay(ResidentItems items, String category, String code, String display, LocalDateTime start,
                      LocalDateTime end) {
        Resident resident = items.resident();
        LocalDateTime lastMoment = resident.lastDay(asOf).atTime(23, 59);
        boolean ongoing = end.isAfter(lastMoment) && resident.deceasedDate() == null;
        LocalDateTime clipped = end.isAfter(lastMoment) ? lastMoment : end;
        items.coded("Encounter", category, code, display, ongoing ? "in-progress" : "finished", start,
                ongoing ? null : clipped, null, null, ids.acuteTrust());
    }

    private void socialCare(ResidentItems items, java.util.List<ProblemList.Held> held, double scale) {
        Resident resident = items.resident();
        SplittableRandom random = resident.random();
        LocalDate lastDay = resident.lastDay(asOf);
        boolean ended = resident.deceasedDate() != null;
        if (resident.careHomeResident()) {
            boolean nursing = random.nextDouble() < 0.4;
            LocalDate start = latest(lastDay.minusDays(random.nextInt(4 * 365)), resident.birthDate());
            items.emit("EpisodeOfCare", "care-home-placement", null, null,
                    nursing ? "Nursing home placement" : "Residential care home placement", ended ? "finished"
                            : "active", start.atStartOfDay(), ended ? lastDay.atStartOfDay() : null, null, null,
                    null, null, ids.council());
            return;
        }
        double chance = Math.min(0.9, SOCIAL_CARE[resident.ageGroup().ordinal()] * scale);
        boolean learningDisability = held.stream().anyMatch(h -> h.condition().code().equals(LEARNING_DISABILITY));
        if (learningDisability && resident.age() >= 18) {
            chance = Math.max(chance, 0.3);
        }
        if (random.nextDouble() < chance) {
            double hours = 3.5 * (1 + random.nextInt(8));
            LocalDate start = latest(lastDay.minusDays(random.nextInt(3 * 365)), resident.birthDate());
            items.emit("EpisodeOfCare", "social-care-package", null, null, "Home care package",
                    ended ? "finished" : "active", start.atStartOfDay(), ended ? lastDay.atStartOfDay() : null,
                    hours, "h/wk", "Home care, " + (hours % 1 == 0 ? String.valueOf((int) hours) : String.valueOf(hours))
                            + " hours a week", null, ids.council());
        }
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static int poisson(double mean, SplittableRandom random) {
        double limit = Math.exp(-mean);
        int k = 0;
        double product = random.nextDouble();
        while (product > limit) {
            k++;
            product *= random.nextDouble();
        }
        return k;
    }

    private static long exponential(double mean, SplittableRandom random) {
        return (long) (-mean * Math.log(1 - random.nextDouble()));
    }

    /** Random moments within the resident's observation window. */
    private record Window(LocalDate from, int days, SplittableRandom random) {

        LocalDateTime time(int firstMinute, int spanMinutes) {
            return from.plusDays(random.nextInt(days)).atStartOfDay()
                    .plusMinutes(firstMinute + random.nextInt(spanMinutes));
        }
    }
}
