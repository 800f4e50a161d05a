package org.careweave.worklist;

import java.time.Instant;
import java.util.List;

/**
 * A partner system's FHIR R4 rest-hook Subscription to encounters (topic-less).
 *
 * @param patientId null when the criteria cover every patient ({@code Encounter})
 * @param headers   extra HTTP headers for each delivery, as {@code Name: value}
 * @param content   full-resource, id-only or empty (what the notification bundle carries)
 * @param status    active, error (the last delivery failed) or off
 */
public record RestHookSubscription(long id, String clientId, long organisationId, String criteria, Long patientId,
                                   String endpoint, List<String> headers, String content, String reason, String status,
                                   String error, long eventsSinceStart, Instant createdAt) {

    public RestHookSubscription {
        headers = List.copyOf(headers);
    }

    /** What a partner asks for; checked by {@link RestHookSubscriptions#create}. */
    public record Request(String criteria, String endpoint, List<String> headers, String content, String reason) {
    }
}
