package org.careweave.risk;

import java.time.Instant;
import java.util.List;

/**
 * A person's stored scores, each with its version and the inputs that produced it.
 *
 * @param efi null for people under 65, for whom the electronic frailty index is not validated
 */
public record RiskProfile(long personId, Instant computedAt, Efi efi, Cms cms, Utilisation utilisation,
                          Priority priority) {

    /** One deficit, condition or event that added to a score. */
    public record Contribution(String name, String code, double weight) {
    }

    public record Efi(String version, double value, Category category, List<Contribution> deficits,
                      int currentMedications, boolean polypharmacy) {

        public Efi {
            deficits = List.copyOf(deficits);
        }
    }

    /** eFI categories (Clegg 2016): fit ≤ 0.12, mild 0.13–0.24, moderate 0.25–0.36, severe above 0.36. */
    public enum Category {
        FIT("Fit"), MILD("Mild frailty"), MODERATE("Moderate frailty"), SEVERE("Severe frailty");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Category of(double efi) {
            if (efi <= 0.12) {
                return FIT;
            }
            if (efi <= 0.24) {
                return MILD;
            }
            return efi <= 0.36 ? MODERATE : SEVERE;
        }
    }

    public record Cms(String version, double value, List<Contribution> conditions) {

        public Cms {
            conditions = List.copyOf(conditions);
        }
    }

    /** Use of hospital services in the 12 months before {@code computedAt}; {@code events} are record item ids. */
    public record Utilisation(String version, int emergencyAdmissions, int aeAttendances, int bedDays,
                              List<Long> events) {

        public Utilisation {
            events = List.copyOf(events);
        }
    }

    public record Priority(String version, double value) {
    }
}
