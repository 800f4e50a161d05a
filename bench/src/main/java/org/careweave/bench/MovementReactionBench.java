package org.careweave.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.careweave.adt.HospitalMovement;
import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Caseloads;
import org.careweave.caseload.Enrolment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What reacting to hospital movements costs the thread that applied them, and how soon the worklist shows them: each
 * movement is published in a transaction as the ADT feature does, and the time to commit includes the worklist's
 * listener, run in that transaction just before it commits (audience, notifications in one statement, tasks, rest-hook outbox), so when commit returns
 * the notification is on the worklist. Interleaves a baseline transaction that publishes nothing, movements of people
 * nobody follows, and movements of people on a caseload (discharges, so tasks are created too). Afterwards counts the
 * notifications and tasks written against those expected.
 *
 * <p>Writes a team, staff, caseload episodes, encounters, notifications and tasks: use a scratch database.
 */
public final class MovementReactionBench {

    public static void main(String[] args) {
        Map<String, String> options = BenchSupport.options(args);
        String dataDir = options.getOrDefault("data-dir", "./data");
        int rounds = Integer.parseInt(options.getOrDefault("movements", "2000"));
        try (ConfigurableApplicationContext context = BenchSupport.careWeave(dataDir)) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
            ApplicationEventPublisher events = context;
            String tag = Long.toString(System.currentTimeMillis(), 36);
            long hospital = jdbc.sql("insert into organisation (ods_code, name, type) values (:c, :n, 'ACUTE_TRUST') returning id")
                    .param("c", "B" + tag).param("n", "Bench hospital " + tag).query(Long.class).single();
            long manager = jdbc.sql("insert into staff_user (username, display_name, password_hash) values (:u, 'Bench', '{noop}x') returning id")
                    .param("u", "bench-" + tag).query(Long.class).single();
            long team = jdbc.sql("insert into team (name, kind, lead_organisation_id) values (:n, 'NEIGHBOURHOOD_TEAM', :o) returning id")
                    .param("n", "Bench team " + tag).param("o", hospital).query(Long.class).single();
            jdbc.sql("insert into team_member (team_id, user_id) values (:t, :u)").param("t", team).param("u", manager).update();
            List<Long> people = jdbc.sql("select id from person order by hashtext(id::text || :t) limit :n")
                    .param("t", tag).param("n", 2 * rounds).query(Long.class).list();
            List<Long> followed = people.subList(0, people.size() / 2);
            List<Long> unfollowed = people.subList(people.size() / 2, people.size());
            Caseloads caseloads = context.getBean(Caseloads.class);
            followed.forEach(p -> caseloads.enrol(new Enrolment(p, team, CaseloadEpisode.Programme.CASELOAD, manager,
                    "Benchmark"), "bench"));

            long[] baseline = new long[rounds];
            long[] quiet = new long[rounds];
            long[] heard = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                baseline[i] = timed(transactions, () -> events.publishEvent(new Object()));
                HospitalMovement nobody = movement(jdbc, unfollowed.get(i), hospital, HospitalMovement.Kind.ADMITTED, i);
                quiet[i] = timed(transactions, () -> events.publishEvent(nobody));
                HospitalMovement someone = movement(jdbc, followed.get(i), hospital, HospitalMovement.Kind.DISCHARGED, i);
                heard[i] = timed(transactions, () -> events.publishEvent(someone));
            }
            long notifications = jdbc.sql("select count(*) from worklist_notification where team_id = :t or user_id = :u")
                    .param("t", team).param("u", manager).query(Long.class).single();
            long tasks = jdbc.sql("select count(*) from worklist_task where team_id = :t").param("t", team)
                    .query(Long.class).single();
            BenchSupport.report("empty transaction (baseline)", baseline);
            BenchSupport.report("movement of someone nobody follows", quiet);
            BenchSupport.report("discharge of someone on a caseload", heard);
            System.out.printf("notifications %d (expected %d), tasks %d (expected %d)%n", notifications, 2L * rounds,
                    tasks, (long) rounds);
        }
    }

    private static HospitalMovement movement(JdbcClient jdbc, long person, long hospital, HospitalMovement.Kind kind, int i) {
        long encounter = jdbc.sql("""
                        insert into record_item (person_id, resource_type, category, effective_start, source_org_id, source_id)
                        values (:p, 'Encounter', 'emergency-admission', now(), :h, :s) returning id""")
                .param("p", person).param("h", hospital).param("s", "bench-" + kind + "-" + i + "-" + person)
                .query(Long.class).single();
        return new HospitalMovement(person, kind, hospital, encounter, Instant.now(), "I", "Ward 1", null, "BENCH" + i);
    }

    private static long timed(TransactionTemplate transactions, Runnable publish) {
        long start = System.nanoTime();
        transactions.executeWithoutResult(status -> publish.run());
        return System.nanoTime() - start;
    }
}
