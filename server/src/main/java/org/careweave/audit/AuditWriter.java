package org.careweave.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends read events in batches from a background thread, so a read pays for a queue offer rather than a
 * transaction of its own. The queue is bounded: when it is full, readers wait (nothing is dropped). On shutdown the
 * queue is drained. A crash can lose the events of the last moments, as with asynchronous commit; writes and
 * denials never take this path.
 */
@Component
class AuditWriter {

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
    private static final int BATCH = 500;
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final BlockingQueue<AuditEvent> queue = new LinkedBlockingQueue<>(50_000);
    private final AuditEvents events;
    private final TransactionTemplate ownTransaction;
    private final Thread worker;
    private final Object idle = new Object();
    private volatile boolean running = true;
    /** Events handed in and events in the database; {@link #flush} waits for the second to reach the first. */
    private final AtomicLong enqueued = new AtomicLong();
    private long written;

    AuditWriter(AuditEvents events, PlatformTransactionManager transactions) {
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.worker = new Thread(this::drainForever, "audit-writer");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    void enqueue(AuditEvent event) {
        try {
            queue.put(event);
            // Counted once queued: an interrupted put must not leave flush() waiting for an event that never came.
            enqueued.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording an audit event", e);
        }
    }

    /** Waits until every event enqueued before this call is in the database. */
    void flush() {
        long target = enqueued.get();
        synchronized (idle) {
            while (written < target) {
                try {
                    idle.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        worker.join(TimeUnit.SECONDS.toMillis(30));
        List<AuditEvent> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            write(rest);
            synchronized (idle) {
                written += rest.size();
                idle.notifyAll();
            }
        }
    }

    private void drainForever() {
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                AuditEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gatherFor(batch, System.nanoTime() + LINGER_NANOS);
                writeUntilDone(batch);
                synchronized (idle) {
                    written += batch.size();
                    idle.notifyAll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Lets a batch fill for a moment before it is written. Each batch costs a transaction and a few statements
     * whatever its size, so writing every event of a steady trickle on its own cost several times what the reads
     * themselves did on a 2-core machine; events wait in memory a few milliseconds longer instead.
     */
    private void gatherFor(List<AuditEvent> batch, long deadline) throws InterruptedException {
        while (batch.size() < BATCH) {
            long left = deadline - System.nanoTime();
            AuditEvent next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next != null) {
                batch.add(next);
            }
            queue.drainTo(batch, BATCH - batch.size());
            if (next == null) {
                return;
            }
        }
    }

    /** A failed batch is retried, not dropped: the audit trail must be complete. */
    private void writeUntilDone(List<AuditEvent> batch) throws InterruptedException {
        while (true) {
            try {
                write(batch);
                return;
            } catch (RuntimeException e) {
                log.error("Could not write {} audit events; retrying in 1 s: {}", batch.size(), e.getMessage());
                Thread.sleep(1000);
            }
        }
    }

    private void write(List<AuditEvent> batch) {
        ownTransaction.executeWithoutResult(status -> events.appendAll(batch, false));
    }
}
