package org.careweave.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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

    private final BlockingQueue<AuditEvent> queue = new LinkedBlockingQueue<>(50_000);
    private final AuditEvents events;
    private final TransactionTemplate ownTransaction;
    private final Thread worker;
    private final Object idle = new Object();
    private volatile boolean running = true;
    private int inFlight;

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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording an audit event", e);
        }
    }

    /** Waits until every event enqueued before this call is in the database. */
    void flush() {
        synchronized (idle) {
            while (!queue.isEmpty() || inFlight > 0) {
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
                synchronized (idle) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    inFlight = batch.size();
                }
                writeUntilDone(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                synchronized (idle) {
                    batch.clear();
                    inFlight = 0;
                    idle.notifyAll();
                }
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
