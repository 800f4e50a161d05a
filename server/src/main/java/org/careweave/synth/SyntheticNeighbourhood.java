package org.careweave.synth;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Generates a synthetic neighbourhood in one transaction, then refreshes the planner's statistics. */
@Service
class SyntheticNeighbourhood {

    private final Generation generation;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    SyntheticNeighbourhood(Generation generation, TransactionTemplate transactions, JdbcClient jdbc) {
        this.generation = generation;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    GenerationSummary generate(GenerationRequest request, GenerationProgress progress) {
        long started = System.nanoTime();
        GenerationSummary summary = transactions.execute(status -> generation.run(request, progress));
        if (summary.residents() > 0) {
            // Freshly bulk-loaded tables have no statistics until autovacuum gets to them; queries right after
            // generation (the demo's first page views) would otherwise get poor plans.
            jdbc.sql("analyze person").update();
            jdbc.sql("analyze record_item").update();
        }
        return summary.withElapsed(Duration.ofNanos(System.nanoTime() - started));
    }

    long databaseSizeBytes() {
        return jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
    }

    boolean hasResidents() {
        return jdbc.sql("select exists (select 1 from person)").query(Boolean.class).single();
    }
}
