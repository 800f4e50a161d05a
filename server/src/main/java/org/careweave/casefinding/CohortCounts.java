package org.careweave.casefinding;

import java.util.Map;

import org.careweave.risk.RiskProfile;

/** How many people a cohort holds, in total and by eFI category, suppressed for small numbers. */
public record CohortCounts(Suppressed total, Map<RiskProfile.Category, Suppressed> byFrailty,
                           Suppressed underSixtyFive) {
}
