package org.careweave.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.careweave.access.AccessContext;
import org.careweave.access.AccessPolicy;
import org.careweave.access.CareRelationships;
import org.careweave.access.DataCategory;
import org.careweave.access.Purpose;
import org.careweave.access.SharingAgreements;
import org.careweave.record.PersonRecord;
import org.careweave.record.PersonRecords;
import org.careweave.record.RecordFilter;
import org.careweave.shared.Role;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the access policy costs on the record summary: for a sample of generated residents, reads each person's whole
 * record once through the policy (relationship, agreements, consent, withheld grouping) and once on the trusted
 * path that bypasses it, interleaved so machine noise hits both alike and in alternating order so neither always
 * finds the caches warmed by the other, and reports both and their ratio.
 *
 * <p>Run against a database that already holds a generated neighbourhood (see README, Benchmarks). Options:
 * {@code --persons N} sampled, {@code --rounds R}, and {@code --min-age A} / {@code --min-items I} to sample only
 * people of at least that age or with at least that many record items.
 */
public final class RecordSummaryBench {

    public static void main(String[] args) {
        Map<String, String> options = BenchSupport.options(args);
        String dataDir = options.getOrDefault("data-dir", "./data");
        int sample = Integer.parseInt(options.getOrDefault("persons", "2000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        try (ConfigurableApplicationContext context = BenchSupport.careWeave(dataDir)) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            PersonRecords records = context.getBean(PersonRecords.class);
            int minItems = Integer.parseInt(options.getOrDefault("min-items", "0"));
            int minAge = Integer.parseInt(options.getOrDefault("min-age", "0"));
            List<Long> people = jdbc.sql("""
                            select p.id from person p
                             where p.birth_date <= current_date - make_interval(years => :age)
                               and (select count(*) from record_item i where i.person_id = p.id) >= :items
                             order by hashtext(p.id::text) limit :n""")
                    .param("age", minAge).param("items", minItems).param("n", sample).query(Long.class).list();
            AccessContext viewer = arrangeViewer(context, jdbc, people);

            for (long id : people) {
                records.view(viewer, id, RecordFilter.ALL);
                records.viewTrusted(id);
            }
            long[] withPolicy = new long[people.size() * rounds];
            long[] bypassed = new long[people.size() * rounds];
            long[] decisionOnly = new long[people.size() * rounds];
            AccessPolicy policy = context.getBean(AccessPolicy.class);
            long items = 0;
            int n = 0;
            for (int round = 0; round < rounds; round++) {
                for (long id : people) {
                    // Whichever read comes first warms the caches for the other, so the order alternates.
                    boolean policyFirst = n % 2 == 0;
                    if (!policyFirst) {
                        bypassed[n] = timed(() -> records.viewTrusted(id).orElseThrow());
                    }
                    long start = System.nanoTime();
                    PersonRecord seen = records.view(viewer, id, RecordFilter.ALL);
                    withPolicy[n] = System.nanoTime() - start;
                    if (policyFirst) {
                        bypassed[n] = timed(() -> records.viewTrusted(id).orElseThrow());
                    }
                    decisionOnly[n] = timed(() -> policy.decide(viewer, id));
                    items += seen.items().size() + seen.withheld().stream().mapToInt(w -> w.count()).sum();
                    n++;
                }
            }
            BenchSupport.report("policy on", withPolicy);
            BenchSupport.report("policy bypassed", bypassed);
            BenchSupport.report("decision alone", decisionOnly);
            System.out.printf("items per record: %.1f; mean ratio policy/bypassed: %.3f%n", (double) items / n,
                    (double) Arrays.stream(withPolicy).sum() / Arrays.stream(bypassed).sum());
        }
    }

    /**
     * A care coordinator (of a GP practice when there is one) whose team has every sampled person on its caseload,
     * with agreements from every partner.
     */
    private static AccessContext arrangeViewer(ConfigurableApplicationContext context, JdbcClient jdbc, List<Long> people) {
        long organisation = jdbc.sql("select id from organisation order by type = 'GP_PRACTICE' desc, id limit 1")
                .query(Long.class).single();
        long user = jdbc.sql("""
                        insert into staff_user (username, display_name, password_hash)
                        values ('bench-coordinator-' || extract(epoch from now())::bigint, 'Bench coordinator', '{noop}x')
                        returning id""").query(Long.class).single();
        long team = jdbc.sql("""
                        insert into team (name, kind, lead_organisation_id)
                        values ('Bench team ' || :user, 'NEIGHBOURHOOD_TEAM', :org) returning id""")
                .param("user", user).param("org", organisation).query(Long.class).single();
        jdbc.sql("insert into team_member (team_id, user_id) values (:team, :user)")
                .param("team", team).param("user", user).update();
        CareRelationships relationships = context.getBean(CareRelationships.class);
        people.forEach(id -> relationships.start(id, CareRelationships.Kind.CASELOAD, CareRelationships.Holder.team(team)));
        SharingAgreements agreements = context.getBean(SharingAgreements.class);
        List<Long> partners = jdbc.sql("select id from organisation where id <> :org").param("org", organisation)
                .query(Long.class).list();
        List<DataCategory> shared = new ArrayList<>(List.of(DataCategory.values()));
        shared.removeIf(DataCategory::sensitive);
        for (long partner : partners) {
            for (DataCategory category : shared) {
                if (jdbc.sql("""
                                select count(*) from sharing_agreement where provider_org_id = :p
                                   and recipient_org_id = :r and category = :c""")
                        .param("p", partner).param("r", organisation).param("c", category.name())
                        .query(Long.class).single() == 0) {
                    agreements.create(partner, organisation, category, LocalDate.now().minusYears(1), null, "bench");
                }
            }
        }
        return new AccessContext(user, "bench-coordinator", organisation, Set.of(Role.CARE_COORDINATOR),
                Purpose.DIRECT_CARE, "bench");
    }

    private static long timed(Runnable read) {
        long start = System.nanoTime();
        read.run();
        return System.nanoTime() - start;
    }
}
