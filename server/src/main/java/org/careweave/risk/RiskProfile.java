package org.careweave.risk;

import java.time.Instant;
import java.util.List;
import java.util.Set;

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

    /**
     * @param deficits the deficits present that the viewer may know of
     * @param withheld how many more deficits are present, from record items the viewer may not see
     */
    public record Efi(String version, double value, Category category, List<Contribution> deficits,
                      int currentMedications, boolean polypharmacy, int withheld) {

        public Efi {
            deficits = List.copyOf(deficits);
        }

        /** As seen by a viewer who may know of a coded deficit only when {@code known} says so. */
        Efi explainedTo(java.util.function.Predicate<String> known) {
            List<Contribution> shown = deficits.stream().filter(d -> d.code() == null || known.test(d.code())).toList();
            return new Efi(version, value, category, shown, currentMedications, polypharmacy,
                    withheld + deficits.size() - shown.size());
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

    /**
     * @param conditions the conditions present that the viewer may know of
     * @param withheld   how many more conditions are present, from record items the viewer may not see; the
     *                   value still counts them, so their weights are not listed apart
     */
    public record Cms(String version, double value, List<Contribution> conditions, int withheld) {

        public Cms {
            conditions = List.copyOf(conditions);
        }

        /** As seen by a viewer who may know of a condition only when {@code known} says so. */
        Cms explainedTo(java.util.function.Predicate<String> known) {
            List<Contribution> shown = conditions.stream().filter(c -> known.test(c.code())).toList();
            return new Cms(version, value, shown, withheld + conditions.size() - shown.size());
        }
    }

    /** Codes of the conditions and deficits this explanation names. */
    Set<String> codes() {
        Set<String> codes = new java.util.HashSet<>();
        if (efi != null) {
            efi.deficits().stream().map(Contribution::code).filter(java.util.Objects::nonNull).forEach(codes::add);
        }
        cms.conditions().forEach(c -> codes.add(c.code()));
        return codes;
    }

    /** The profile with only the contributions whose codes {@code known} lets the viewer know of. */
    RiskProfile explainedTo(java.util.function.Predicate<String> known) {
        return new RiskProfile(personId, computedAt, efi == null ? null : efi.explainedTo(known),
                cms.explainedTo(known), utilisation, priority);
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
