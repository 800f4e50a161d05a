package org.careweave.worklist;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dischargeFollowUpWorkingDays working days after the discharge date by which the team follows the person up
 * @param bankHolidays                 where the bank holiday calendar is (lines of {@code YYYY-MM-DD,name})
 * @param restHookMaxAttempts          deliveries of one notification tried before it is given up
 * @param restHookTimeout              how long a partner's endpoint gets to answer one delivery
 * @param restHookPollInterval         how often the outbox is looked at for deliveries that are due
 * @param fhirBaseUrl                  CareWeave's FHIR base as partners reach it, for full URLs in notifications
 */
@ConfigurationProperties("careweave.worklist")
record WorklistSettings(@DefaultValue("2") int dischargeFollowUpWorkingDays,
                        @DefaultValue("classpath:worklist/england-bank-holidays.csv") String bankHolidays,
                        @DefaultValue("8") int restHookMaxAttempts,
                        @DefaultValue("10s") Duration restHookTimeout,
                        @DefaultValue("250ms") Duration restHookPollInterval,
                        @DefaultValue("http://localhost:8080/fhir") String fhirBaseUrl) {

    WorklistSettings {
        if (dischargeFollowUpWorkingDays < 0 || dischargeFollowUpWorkingDays > 30) {
            throw new IllegalArgumentException("careweave.worklist.discharge-follow-up-working-days must be 0 to 30, not "
                    + dischargeFollowUpWorkingDays);
        }
        if (restHookMaxAttempts < 1) {
            throw new IllegalArgumentException("careweave.worklist.rest-hook-max-attempts must be at least 1");
        }
    }
}
