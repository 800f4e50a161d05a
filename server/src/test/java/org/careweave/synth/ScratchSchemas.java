package org.careweave.synth;

import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fresh, fully migrated schemas inside the test database, so generation can be tried from empty while the shared
 * demo data stay untouched. Work runs in one transaction with the schema first on the search path; the schema is
 * dropped afterwards.
 */
final class ScratchSchemas {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Generation generation;

    ScratchSchemas(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, Generation generation) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.generation = generation;
    }

    <T> T inNewSchema(Function<String, T> work) {
        String schema = "scratch_" + UUID.randomUUID().toString().replace("-", "");
        Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").load()
                .migrate();
        try {
            return transactions.execute(status -> {
                jdbc.sql("set local search_path to " + schema).update();
                return work.apply(schema);
            });
        } finally {
            jdbc.sql("drop schema " + schema + " cascade").update();
        }
    }

    /** Generates inside the current transaction, in a savepoint so a refusal or failure can be observed. */
    GenerationSummary generate(GenerationRequest request) {
        TransactionTemplate nested = new TransactionTemplate(transactions.getTransactionManager());
        nested.setPropagationBehavior(TransactionTemplate.PROPAGATION_NESTED);
        return nested.execute(status -> generation.run(request, GenerationProgress.NONE));
    }
}
