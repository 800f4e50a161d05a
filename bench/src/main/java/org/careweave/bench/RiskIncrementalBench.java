package org.careweave.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.careweave.organisation.OrganisationType;
import org.careweave.organisation.Organisations;
import org.careweave.record.IncomingItem;
import org.careweave.record.RecordImport;
import org.careweave.risk.RiskRecomputation;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incremental risk scoring of one person, two ways, on a generated population:
 * <ol>
 *   <li>{@code recompute}: {@link RiskRecomputation#recompute} of one person in its own transaction (read the
 *       person's facts, score, replace the row, commit), timed by the caller;</li>
 *   <li>{@code follow}: a new coded problem for one person stored as an ingest stores it, then the time from that
 *       commit until the person's score row shows a computation after it (the background follower's work plus
 *       the polling interval of a quarter of a millisecond).</li>
 * </ol>
 * Each person gets a new eFI deficit (difficulty dressing, from a bench source organisation), so the follow part
 * writes to the database: run it on a scratch copy (see README, Benchmarks).
 */
public final class RiskIncrementalBench {

    private static final String DEFICIT_CODE = "165245003";

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = BenchSupport.options(args);
        String dataDir = options.getOrDefault("data-dir", "./data");
        int sample = Integer.parseInt(options.getOrDefault("persons", "2000"));
        try (ConfigurableApplicationContext context = BenchSupport.careWeave(dataDir)) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            RiskRecomputation recomputation = context.getBean(RiskRecomputation.class);
            long residents = jdbc.sql("select count(*) from person").query(Long.class).single();
            List<Long> people = jdbc.sql("""
                            select id from person where deceased_date is null
                             order by hashtext(id::text) limit :n""")
                    .param("n", sample).query(Long.class).list();
            System.out.printf("%,d residents; %,d sampled%n", residents, people.size());

            people.subList(0, Math.min(200, people.size())).forEach(id -> recomputation.recompute(List.of(id)));
            long[] recompute = new long[people.size()];
            for (int i = 0; i < people.size(); i++) {
                long start = System.nanoTime();
                recomputation.recompute(List.of(people.get(i)));
                recompute[i] = System.nanoTime() - start;
            }
            BenchSupport.report("recompute", recompute);

            RecordImport records = context.getBean(RecordImport.class);
            TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            long source = context.getBean(Organisations.class).ensure("BENCHRISK", "Bench risk source",
                    OrganisationType.GP_PRACTICE);
            long run = System.currentTimeMillis();
            long[] follow = new long[people.size()];
            for (int i = 0; i < people.size(); i++) {
                long person = people.get(i);
                IncomingItem problem = deficit(person, "bench-" + run + "-" + i);
                // The follower may start scoring as soon as the commit is done, so "after" is taken before it.
                Instant before = Instant.now();
                transaction.executeWithoutResult(status -> records.store(source, List.of(problem)));
                long committed = System.nanoTime();
                while (!scoredSince(jdbc, person, before)) {
                    Thread.sleep(0, 250_000);
                    if (System.nanoTime() - committed > 10_000_000_000L) {
                        throw new IllegalStateException("no score after 10 s for a sampled person (index " + i + ")");
                    }
                }
                follow[i] = System.nanoTime() - committed;
            }
            BenchSupport.report("follow", follow);
        }
    }

    private static boolean scoredSince(JdbcClient jdbc, long person, Instant since) {
        Optional<Timestamp> computed = jdbc.sql("select computed_at from risk_score where person_id = :p")
                .param("p", person).query(Timestamp.class).optional();
        return computed.isPresent() && computed.get().toInstant().isAfter(since);
    }

    private static IncomingItem deficit(long person, String sourceId) {
        String json = "{\"resourceType\":\"Condition\",\"id\":\"" + sourceId + "\",\"clinicalStatus\":{\"coding\":[{"
                + "\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]},"
                + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"" + DEFICIT_CODE
                + "\",\"display\":\"Difficulty dressing\"}]}}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new IncomingItem(person, "Condition", "problem-list-item", "http://snomed.info/sct", DEFICIT_CODE,
                "Difficulty dressing", "active", Instant.now(), null, null, null, null, sourceId, null, bytes,
                sha256(bytes));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
