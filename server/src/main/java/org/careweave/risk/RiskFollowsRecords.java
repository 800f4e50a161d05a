package org.careweave.risk;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.careweave.person.PersonsMerged;
import org.careweave.record.RecordChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps scores fresh: after a transaction that changed people's records (ingest, ADT) or merged two people commits,
 * their scores are recomputed on a background thread, so the writer does not wait and the score follows within
 * milliseconds.
 */
@Component
class RiskFollowsRecords implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RiskFollowsRecords.class);

    private final RiskRecomputation recomputation;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "risk-recompute");
        thread.setDaemon(true);
        return thread;
    });

    RiskFollowsRecords(RiskRecomputation recomputation) {
        this.recomputation = recomputation;
    }

    @TransactionalEventListener
    void on(RecordChanged changed) {
        submit(changed.personIds());
    }

    @TransactionalEventListener
    void on(PersonsMerged merged) {
        submit(Set.of(merged.survivorId(), merged.mergedId()));
    }

    private void submit(Set<Long> personIds) {
        executor.execute(() -> {
            try {
                recomputation.recompute(personIds);
            } catch (RuntimeException e) {
                // Counts only: person ids stay out of the log. The nightly run repairs what was missed.
                log.error("Recomputing risk scores for {} people failed; the nightly recomputation will catch up",
                        personIds.size(), e);
            }
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
