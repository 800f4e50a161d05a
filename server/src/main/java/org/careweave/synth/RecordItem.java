package org.careweave.synth;

import java.time.LocalDateTime;

/** One row of {@code record_item} as the generator produces it (times in UTC; nulls where not applicable). */
record RecordItem(long personId, String resourceType, String category, String codeSystem, String code,
                  String display, String status, LocalDateTime start, LocalDateTime end, Double valueNumeric,
                  String valueUnit, String detail, String sensitivity, long sourceOrganisationId, String sourceId) {

    static final String SNOMED = "http://snomed.info/sct";
}
