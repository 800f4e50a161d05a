package org.careweave.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws a resident's long-term conditions and the medicines for them. Each condition's chance is its prevalence for
 * the resident's age group scaled by individual risk (latent ill-health, deprivation, care home residence); the
 * scaling averages one, so the population's prevalence matches {@code conditions.csv}, while conditions cluster in
 * the same people as multimorbidity does.
 */
final class ProblemList {

    private static final double MAX_CHANCE = 0.95;
    private static final double DEPRIVATION_EFFECT = 0.04;
    private static final double MEAN_DECILE = Geography.meanDecile();

    record Held(ConditionDefinition condition, LocalDate onset) {
    }

    private final ConditionCatalogue catalogue;
    private final NeighbourhoodIds ids;
    private final LocalDate asOf;

    ProblemList(ConditionCatalogue catalogue, NeighbourhoodIds ids, LocalDate asOf) {
        this.catalogue = catalogue;
        this.ids = ids;
        this.asOf = asOf;
    }

    List<Held> write(ResidentItems items) {
        Resident resident = items.resident();
        SplittableRandom random = resident.random();
        double scale = individualRisk(resident);
        List<Held> held = new ArrayList<>();
        for (ConditionDefinition condition : catalogue.conditions()) {
            double chance = Math.min(MAX_CHANCE, condition.prevalence(resident.ageGroup()) * scale);
            if (random.nextDouble() < chance) {
                LocalDate onset = onset(condition, resident, random);
                held.add(new Held(condition, onset));
                items.coded("Condition", "problem", condition.code(), condition.display(), "active",
                        onset.atStartOfDay(), null, null, condition.sensitivity(),
                        ids.recorder(condition.recordedBy(), resident));
            }
        }
        writeMedicines(items, held);
        return held;
    }

    static double individualRisk(Resident resident) {
        // exp(0.5 z - 0.125) has mean 1 for standard normal z.
        double latent = Math.exp(0.5 * resident.risk() - 0.125);
        double deprivation = 1 + DEPRIVATION_EFFECT * (MEAN_DECILE - resident.imdDecile());
        return latent * deprivation * (resident.careHomeResident() ? 1.6 : 1);
    }

    private LocalDate onset(ConditionDefinition condition, Resident resident, SplittableRandom random) {
        int earliest = Math.min(condition.earliestOnsetAge(), resident.age());
        double yearsAgo = random.nextDouble() * Math.min(25, resident.age() - earliest);
        LocalDate onset = resident.lastDay(asOf).minusDays((long) (yearsAgo * 365.25));
        return onset.isBefore(resident.birthDate()) ? resident.birthDate() : onset;
    }

    private void writeMedicines(ResidentItems items, List<Held> held) {
        Resident resident = items.resident();
        SplittableRandom random = resident.random();
        LocalDate lastDay = resident.lastDay(asOf);
        boolean stopped = resident.deceasedDate() != null;
        Set<String> taken = new HashSet<>();
        for (Held h : held) {
            for (MedicineDefinition medicine : h.condition().medicines()) {
                if (random.nextDouble() < medicine.probability() && taken.add(medicine.code())) {
                    LocalDate start = h.onset().plusDays(random.nextInt(120));
                    if (start.isAfter(lastDay)) {
                        start = lastDay;
                    }
                    items.coded("MedicationStatement", "medication", medicine.code(), medicine.display(),
                            stopped ? "stopped" : "active", start.atStartOfDay(),
                            stopped ? lastDay.atStartOfDay() : null, medicine.dose(),
                            h.condition().sensitivity(), ids.practices()[resident.practice()]);
                }
            }
        }
    }
}
