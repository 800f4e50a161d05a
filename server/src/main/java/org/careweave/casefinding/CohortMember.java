package org.careweave.casefinding;

import java.time.LocalDate;

import org.careweave.risk.RiskProfile;

/** One person on a case-finding list, with the figures that put them there. */
public record CohortMember(long personId, String nhsNumber, String name, LocalDate birthDate, int age, String sex,
                           String practice, Double efi, RiskProfile.Category frailty, double cms,
                           int emergencyAdmissions, int bedDays, double priority) {
}
