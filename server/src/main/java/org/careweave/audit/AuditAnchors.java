package org.careweave.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anchors the head of the audit chain outside the database, so that removing events from the end of the trail (which
 * leaves a shorter chain that still links up) is detected: the verifier requires every anchored event to be present
 * with its anchored hash. Each anchor is a line {@code <time> <event id> <event hash> <first event hash>}, appended
 * and forced to disk, and also written to the application log. Events recorded after the last anchor (at most one
 * interval's worth) cannot be protected this way.
 */
@Component
class AuditAnchors {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);

    record Anchor(Instant at, long eventId, String hash, String firstHash) {

        String line() {
            return at + " " + eventId + " " + hash + " " + firstHash + "\n";
        }
    }

    /** An anchor file that cannot be read as anchors: the verifier reports it rather than ignoring it. */
    static final class UnreadableAnchors extends RuntimeException {
        UnreadableAnchors(String message) {
            super(message);
        }
    }

    private final AuditEvents events;
    private final AuditWriter background;
    private final TransactionTemplate durable;
    private final Path file;
    private Anchor last;

    AuditAnchors(AuditEvents events, AuditWriter background, PlatformTransactionManager transactions,
                 AuditSettings settings, @Value("${careweave.data-dir:./data}") Path dataDir) {
        this.events = events;
        this.background = background;
        this.durable = new TransactionTemplate(transactions);
        Path configured = settings.anchorFile() == null ? dataDir.resolve("audit-anchors.log")
                : settings.anchorFile().isBlank() ? null : Path.of(settings.anchorFile());
        this.file = configured == null ? null : configured.toAbsolutePath().normalize();
    }

    /** Anchors the current head if it moved since the last anchor; returns the anchor written, if any. */
    @Scheduled(initialDelayString = "${careweave.audit.anchor-interval:PT1M}",
            fixedDelayString = "${careweave.audit.anchor-interval:PT1M}")
    synchronized Optional<Anchor> anchorHead() {
        if (file == null) {
            return Optional.empty();
        }
        background.flush();
        // Reads are committed asynchronously; a durable commit flushes all WAL before it, so what is anchored
        // survives a crash and a crash is never mistaken for tampering.
        Optional<Anchor> head = durable.execute(status -> {
            events.forceDurable();
            return events.head().map(h -> new Anchor(Instant.now(), h.id(), h.hash(), h.firstHash()));
        });
        if (head.isEmpty() || (last != null && last.eventId() == head.get().eventId())) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(java.nio.ByteBuffer.wrap(head.get().line().getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
        } catch (IOException e) {
            log.error("Could not anchor the audit chain in {} (careweave.audit.anchor-file): {}", file, e.getMessage());
            return Optional.empty();
        }
        last = head.get();
        log.info("Audit chain anchored at event {} with hash {}", last.eventId(), last.hash());
        return head;
    }

    @PreDestroy
    void anchorOnShutdown() {
        try {
            anchorHead();
        } catch (RuntimeException e) {
            log.warn("Could not anchor the audit chain on shutdown: {}", e.getMessage());
        }
    }

    /** Every anchor written so far, oldest first; none when anchoring is off or nothing was anchored yet. */
    List<Anchor> all() {
        if (file == null || !Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UnreadableAnchors("Cannot read the audit anchor file " + file + ": " + e.getMessage());
        }
        List<Anchor> anchors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(" ");
            try {
                if (fields.length != 4) {
                    throw new IllegalArgumentException("expected 4 fields");
                }
                anchors.add(new Anchor(Instant.parse(fields[0]), Long.parseLong(fields[1]), fields[2], fields[3]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new UnreadableAnchors("Line " + (i + 1) + " of the audit anchor file " + file
                        + " is not an anchor (<time> <event id> <hash> <first hash>): the file was altered");
            }
        }
        return anchors;
    }
}
