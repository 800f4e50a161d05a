package org.careweave.adt;

import java.time.Instant;

/** Filters for the message log; null means any. */
record MessageFilter(String status, String triggerEvent, Instant from, Instant to, int limit) {
}
