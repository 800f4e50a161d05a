package org.careweave.adt;

import java.time.Instant;

/** A logged message without its text (the text is personal data and is read separately, audited). */
public record MessageSummary(long id, Instant receivedAt, String sendingApplication, String sendingFacility,
                             String controlId, String messageType, String triggerEvent, String version,
                             Instant eventTime, MessageStatus status, String ackCode, String statusReason,
                             int attempts, Instant processedAt, Long hospitalOrganisationId, Long personId,
                             Long encounterItemId) {
}
