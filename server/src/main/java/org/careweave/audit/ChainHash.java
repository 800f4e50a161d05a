package org.careweave.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The SHA-256 that links an event to the one before it. Every field is written with its length in front, so no
 * choice of values can make two different events serialise alike.
 */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static String of(AuditEvent e, String previousHash) {
        StringBuilder canonical = new StringBuilder(256);
        for (Object field : new Object[] {e.id(), micros(e.occurredAt()), e.action(), e.outcome(), e.outcomeReason(),
                e.actor(), e.actorType(), e.roles(), e.organisation(), e.purpose(), e.personId(), e.entityType(),
                e.entityId(), e.query(), e.client(), previousHash}) {
            String text = field == null ? "" : field.toString();
            canonical.append(field == null ? -1 : text.length()).append(':').append(text).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e1);
        }
    }

    /** Timestamps are stored to the microsecond, so they are hashed to the microsecond. */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static Long micros(Instant instant) {
        return instant == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
