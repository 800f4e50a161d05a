package org.careweave.population;

import java.util.List;

/**
 * Aggregate figures about the living residents of the neighbourhood at one moment.
 *
 * @param residents  living residents in the person index
 * @param over65     of whom aged 65 or over
 * @param ageBands   five-year age bands from "0 to 4" to "85 and over", each split by recorded sex
 * @param practices  residents per registered GP practice, then those with no registered practice (practice null)
 * @param conditions people with an active problem, per coded condition, most common first
 * @param deciles    residents per Index of Multiple Deprivation decile (1 = most deprived), then "not known"
 */
record NeighbourhoodProfile(Count residents, Count over65, List<AgeBand> ageBands, List<PracticeResidents> practices,
                            List<ConditionPrevalence> conditions, List<DecileResidents> deciles) {

    record AgeBand(String label, Count female, Count male, Count otherOrUnknown) {
    }

    /** @param odsCode null for residents with no registered practice */
    record PracticeResidents(String name, String odsCode, Count residents) {
    }

    record ConditionPrevalence(String codeSystem, String code, String display, Count people) {
    }

    /** @param decile 1 to 10, or null when not known */
    record DecileResidents(Integer decile, Count residents) {
    }

    public String over65Percent() {
        return over65.percentOf(residents.value());
    }
}
