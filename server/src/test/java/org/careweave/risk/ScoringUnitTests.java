package org.careweave.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Hand-computed eFI, CMS, utilisation and priority examples against the shipped definition files. */
class ScoringUnitTests {

    static final RiskSettings.Priority WEIGHTS = new RiskSettings.Priority(10, 1, 1.5, 0.5, 0.1);
    static final RiskSettings DEFAULTS = new RiskSettings("", "", "", "-", WEIGHTS);
    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    static final LocalDate AGED_80 = LocalDate.of(1946, 3, 1);

    final Scoring scoring = new Scoring(RiskDefinitions.load(DEFAULTS), WEIGHTS);

    static PersonFacts facts(LocalDate birth, Set<String> codes, int medicines, PersonFacts.Encounter... encounters) {
        return new PersonFacts(1, birth, null, codes, medicines, List.of(encounters));
    }

    RiskProfile score(PersonFacts facts) {
        return scoring.score(facts, NOW).orElseThrow();
    }

    @Test
    void countsEachDeficitOncePlusPolypharmacyOutOf36() {
        // Hypertension, osteoarthritis (Arthritis), atrial fibrillation, hearing loss, falls, stroke and TIA (both
        // Cerebrovascular disease: one deficit), frailty (248279007, in no deficit), six medicines (polypharmacy):
        // 7 deficits / 36 = 0.1944, mild.
        RiskProfile profile = score(facts(AGED_80, Set.of("38341003", "396275006", "49436004", "15188001",
                "161898004", "230690007", "266257000", "248279007"), 6));
        assertThat(profile.efi().value()).isEqualTo(0.1944);
        assertThat(profile.efi().category()).isEqualTo(RiskProfile.Category.MILD);
        assertThat(profile.efi().deficits()).extracting(RiskProfile.Contribution::name).containsExactly(
                "Arthritis", "Atrial fibrillation", "Cerebrovascular disease", "Falls", "Hearing impairment",
                "Hypertension", "Polypharmacy");
        assertThat(profile.efi().polypharmacy()).isTrue();
        // CMS general outcome: hypertension 0.08 + painful condition 0.92 + AF 1.34 + hearing loss 0.09
        // + stroke/TIA 0.80 (once) = 3.23.
        assertThat(profile.cms().value()).isEqualTo(3.23);
        assertThat(profile.cms().conditions()).extracting(RiskProfile.Contribution::name).containsExactly(
                "Atrial fibrillation", "Hearing loss", "Hypertension", "Painful condition",
                "Stroke or transient ischaemic attack");
    }

    @Test
    void categoryBoundariesFollowClegg() {
        // 4/36 = 0.111 fit, 5/36 = 0.139 mild, 8/36 = 0.222 mild, 9/36 = 0.25 moderate, 12/36 = 0.333 moderate,
        // 13/36 = 0.361 severe.
        List<String> codes = List.of("38341003", "396275006", "49436004", "15188001", "161898004", "230690007",
                "709044004", "44054006", "404640003", "267036007", "202855006", "5913000", "84114007");
        int[] counts = {4, 5, 8, 9, 12, 13};
        RiskProfile.Category[] expected = {RiskProfile.Category.FIT, RiskProfile.Category.MILD,
                RiskProfile.Category.MILD, RiskProfile.Category.MODERATE, RiskProfile.Category.MODERATE,
                RiskProfile.Category.SEVERE};
        for (int i = 0; i < counts.length; i++) {
            RiskProfile profile = score(facts(AGED_80, Set.copyOf(codes.subList(0, counts[i])), 0));
            assertThat(profile.efi().value()).as(counts[i] + " deficits")
                    .isCloseTo(counts[i] / 36.0, within(0.0001));
            assertThat(profile.efi().category()).as(counts[i] + " deficits").isEqualTo(expected[i]);
        }
    }

    @Test
    void noDataMeansFitAndZeroScores() {
        RiskProfile profile = score(facts(AGED_80, Set.of(), 0));
        assertThat(profile.efi().value()).isZero();
        assertThat(profile.efi().category()).isEqualTo(RiskProfile.Category.FIT);
        assertThat(profile.efi().deficits()).isEmpty();
        assertThat(profile.cms().value()).isZero();
        assertThat(profile.utilisation().emergencyAdmissions()).isZero();
        assertThat(profile.priority().value()).isZero();
    }

    @Test
    void fourMedicinesAreNotPolypharmacy() {
        RiskProfile profile = score(facts(AGED_80, Set.of(), 4));
        assertThat(profile.efi().polypharmacy()).isFalse();
        assertThat(profile.efi().value()).isZero();
        assertThat(profile.efi().currentMedications()).isEqualTo(4);
    }

    @Test
    void peopleWhoHaveDiedAreNotScored() {
        PersonFacts dead = new PersonFacts(1, AGED_80, LocalDate.of(2026, 5, 1), Set.of("38341003"), 6, List.of());
        assertThat(scoring.score(dead, NOW)).isEmpty();
    }

    @Test
    void underSixtyFiveHasNoEfiButOtherScores() {
        // 64 years and 364 days old on NOW: no eFI. Heart failure (1.18) + COPD (1.46) = 2.64.
        RiskProfile profile = score(facts(LocalDate.of(1961, 6, 16), Set.of("84114007", "13645005"), 7));
        assertThat(profile.efi()).isNull();
        assertThat(profile.cms().value()).isEqualTo(2.64);
        assertThat(profile.priority().value()).isEqualTo(2.64);
        RiskProfile sixtyFive = score(facts(LocalDate.of(1961, 6, 15), Set.of("84114007", "13645005"), 7));
        assertThat(sixtyFive.efi().value()).isEqualTo(0.0833); // heart failure, respiratory disease, polypharmacy
    }

    @Test
    void codeInNoDeficitAndNoConditionAddsNothing() {
        RiskProfile profile = score(facts(AGED_80, Set.of("248279007", "414916001"), 0)); // frailty, obesity
        assertThat(profile.efi().value()).isZero();
        assertThat(profile.cms().value()).isZero();
    }

    @Test
    void utilisationCountsTheLastTwelveMonthsAndBedDays() {
        Instant tenDaysAgo = NOW.minus(Duration.ofDays(10));
        RiskProfile profile = score(facts(AGED_80, Set.of("84114007"), 0,
                // emergency admission of three nights
                new PersonFacts.Encounter(11, "emergency-admission", tenDaysAgo, tenDaysAgo.plus(Duration.ofDays(3))),
                // still in hospital since two days ago: two midnights so far
                new PersonFacts.Encounter(12, "emergency-admission", NOW.minus(Duration.ofDays(2)), null),
                new PersonFacts.Encounter(13, "ae-attendance", NOW.minus(Duration.ofDays(20)),
                        NOW.minus(Duration.ofDays(20)).plus(Duration.ofHours(5))),
                // elective day case: no bed day, not an emergency admission
                new PersonFacts.Encounter(14, "elective-admission", NOW.minus(Duration.ofDays(30)),
                        NOW.minus(Duration.ofDays(30)).plus(Duration.ofHours(4))),
                // more than 12 months ago: not counted
                new PersonFacts.Encounter(15, "emergency-admission", NOW.minus(Duration.ofDays(400)),
                        NOW.minus(Duration.ofDays(390))),
                new PersonFacts.Encounter(16, "gp-consultation", tenDaysAgo, tenDaysAgo)));
        RiskProfile.Utilisation utilisation = profile.utilisation();
        assertThat(utilisation.emergencyAdmissions()).isEqualTo(2);
        assertThat(utilisation.aeAttendances()).isEqualTo(1);
        assertThat(utilisation.bedDays()).isEqualTo(5);
        assertThat(utilisation.events()).containsExactly(11L, 12L, 13L, 14L);
        // priority = 10 × eFI (1/36 = 0.0278) + 1 × CMS 1.18 + 1.5 × 2 + 0.5 × 1 + 0.1 × 5 = 5.458
        assertThat(profile.priority().value()).isEqualTo(5.458);
        assertThat(profile.priority().version()).contains("efi=10.0");
    }
}
