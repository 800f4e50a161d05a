package org.careweave.record;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.careweave.access.DataCategory;

/**
 * One item of a person's record.
 *
 * @param category         what kind of item, e.g. problem, medication, emergency-admission
 * @param resourceJson     the FHIR resource exactly as a partner sent it, or null for items the platform produced, for
 *                         those read with their served copy, and in whole records (which carry the typed columns only)
 * @param servedCopy       the resource as served, made at ingest for resources with many references (see V79), or null
 */
public record RecordItem(long id, long personId, String resourceType, String category, DataCategory dataCategory,
                         String codeSystem, String code, String display, String status, Instant start, Instant end,
                         BigDecimal value, String unit, String detail, long sourceOrganisationId,
                         String sourceOrganisationName, String sourceId, int version, Instant receivedAt,
                         String resourceJson, String servedCopy) {

    /** Length of stay in whole days, for admissions; 0 while the stay has no end. */
    public long lengthOfStayDays() {
        return start == null || end == null ? 0 : Duration.between(start, end).toDays();
    }
}
