package org.careweave.record;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An item of a person's record as a partner sent it, with the typed columns the platform queries.
 *
 * @param sensitivity  the sensitive category the partner labelled the item with (see access.DataCategory), or null
 * @param sourceId     the partner's id for the item; the same source and id always mean the same item
 * @param fullUrl      the bundle entry's fullUrl, which other resources of the bundle used to refer to it, or null
 * @param resourceJson the FHIR resource exactly as received, UTF-8
 * @param contentHash  a hash of {@code resourceJson}: a resend with the same hash is not a new version
 */
public record IncomingItem(long personId, String resourceType, String category, String codeSystem, String code,
                           String display, String status, Instant start, Instant end, BigDecimal value, String unit,
                           String sensitivity, String sourceId, String fullUrl, byte[] resourceJson, byte[] contentHash) {
}
