package org.careweave.risk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Computes a person's scores from their facts. Pure: the same facts and moment give the same profile. */
final class Scoring {

    static final String EFI_VERSION = "efi-clegg-2016/careweave-1";
    static final String CMS_VERSION = "cms-general-20-payne-2020/careweave-2";
    static final String UTILISATION_VERSION = "utilisation-12-months/1";
    static final String EMERGENCY_ADMISSION = "emergency-admission";
    static final String ELECTIVE_ADMISSION = "elective-admission";
    static final String AE_ATTENDANCE = "ae-attendance";
    static final int EFI_MIN_AGE = 65;
    static final int POLYPHARMACY_MEDICINES = 5;

    private final RiskDefinitions definitions;
    private final RiskSettings.Priority weights;

    Scoring(RiskDefinitions definitions, RiskSettings.Priority weights) {
        this.definitions = definitions;
        this.weights = weights;
    }

    /** Empty for people who have died: they are not stratified. */
    Optional<RiskProfile> score(PersonFacts facts, Instant now) {
        if (facts.deceasedDate() != null) {
            return Optional.empty();
        }
        RiskProfile.Efi efi = age(facts.birthDate(), now) >= EFI_MIN_AGE ? efi(facts) : null;
        RiskProfile.Cms cms = cms(facts);
        RiskProfile.Utilisation utilisation = utilisation(facts, now);
        double priority = weights.efi() * (efi == null ? 0 : efi.value()) + weights.cms() * cms.value()
                + weights.emergencyAdmission() * utilisation.emergencyAdmissions()
                + weights.aeAttendance() * utilisation.aeAttendances() + weights.bedDay() * utilisation.bedDays();
        return Optional.of(new RiskProfile(facts.personId(), now, efi, cms, utilisation,
                new RiskProfile.Priority(priorityVersion(), round(priority, 3))));
    }

    String priorityVersion() {
        return "priority/1 (" + weights.describe() + ")";
    }

    private RiskProfile.Efi efi(PersonFacts facts) {
        Map<String, RiskProfile.Contribution> deficits = new LinkedHashMap<>();
        facts.problemCodes().stream().sorted().forEach(code -> {
            String deficit = definitions.deficitOf(code);
            if (deficit != null) {
                deficits.putIfAbsent(deficit, new RiskProfile.Contribution(deficit, code, 1));
            }
        });
        boolean polypharmacy = facts.currentMedications() >= POLYPHARMACY_MEDICINES;
        List<RiskProfile.Contribution> present = new ArrayList<>(deficits.values());
        present.sort(Comparator.comparing(RiskProfile.Contribution::name));
        if (polypharmacy) {
            present.add(new RiskProfile.Contribution(RiskDefinitions.POLYPHARMACY, null, 1));
        }
        double value = (double) present.size() / RiskDefinitions.EFI_DEFICITS;
        return new RiskProfile.Efi(EFI_VERSION, round(value, 4), RiskProfile.Category.of(value), present,
                facts.currentMedications(), polypharmacy, 0);
    }

    private RiskProfile.Cms cms(PersonFacts facts) {
        Map<String, RiskProfile.Contribution> conditions = new LinkedHashMap<>();
        facts.problemCodes().stream().sorted().forEach(code -> {
            RiskDefinitions.CmsCondition condition = definitions.cmsConditionOf(code);
            if (condition != null) {
                conditions.putIfAbsent(condition.name(),
                        new RiskProfile.Contribution(condition.name(), code, condition.weight()));
            }
        });
        List<RiskProfile.Contribution> present = new ArrayList<>(conditions.values());
        present.sort(Comparator.comparing(RiskProfile.Contribution::name));
        double value = present.stream().mapToDouble(RiskProfile.Contribution::weight).sum();
        return new RiskProfile.Cms(CMS_VERSION, round(value, 2), present, 0);
    }

    private static RiskProfile.Utilisation utilisation(PersonFacts facts, Instant now) {
        Instant windowStart = now.minus(Duration.ofDays(365));
        int admissions = 0;
        int attendances = 0;
        long bedDays = 0;
        List<Long> events = new ArrayList<>();
        for (PersonFacts.Encounter encounter : facts.encounters()) {
            if (encounter.start().isBefore(windowStart) || encounter.start().isAfter(now)) {
                continue;
            }
            switch (encounter.category()) {
                case EMERGENCY_ADMISSION -> admissions++;
                case AE_ATTENDANCE -> attendances++;
                case ELECTIVE_ADMISSION -> { }
                default -> {
                    continue;
                }
            }
            if (!encounter.category().equals(AE_ATTENDANCE)) {
                bedDays += nights(encounter.start(), encounter.end() == null ? now : encounter.end());
            }
            events.add(encounter.itemId());
        }
        return new RiskProfile.Utilisation(UTILISATION_VERSION, admissions, attendances, (int) bedDays, events);
    }

    /** Bed days as midnights spent in hospital (a day case is 0). */
    static long nights(Instant start, Instant end) {
        LocalDate from = start.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate to = end.atZone(ZoneOffset.UTC).toLocalDate();
        return Math.max(0, ChronoUnit.DAYS.between(from, to));
    }

    static int age(LocalDate birthDate, Instant now) {
        return Period.between(birthDate, now.atZone(ZoneOffset.UTC).toLocalDate()).getYears();
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
