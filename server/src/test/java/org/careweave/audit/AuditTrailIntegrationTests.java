package org.careweave.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.careweave.support.CareWeaveTest;
import org.springframework.beans.factory.annotation.Value;
import org.careweave.support.Http;
import org.careweave.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@CareWeaveTest
class AuditTrailIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    VerifyCommand verifyCommand;

    @Autowired
    AuditAnchors anchors;

    @Value("${careweave.data-dir}")
    Path dataDir;

    /** Tampering tests break the chain all tests share; each undoes exactly what it changed, checked after each test. */
    private final List<Runnable> repairs = new ArrayList<>();

    @AfterEach
    void repair() {
        repairs.forEach(Runnable::run);
        assertThat(trail.verify().intact()).as("chain restored after test").isTrue();
    }

    @Test
    void appendedEventsFormAnIntactChain() {
        long before = trail.verify().eventsChecked();
        for (int i = 0; i < 5; i++) {
            trail.record(read("test-" + i));
        }

        ChainVerification result = trail.verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.eventsChecked()).isGreaterThanOrEqualTo(before + 5);
        assertThat(result.firstBrokenEventId()).isNull();
    }

    @Test
    void alteringAStoredEventIsDetectedAndNamed() {
        trail.record(read("victim"));
        long id = lastId();
        String original = jdbc.sql("select actor from audit_event where id = :id").param("id", id).query(String.class).single();
        tamper("update audit_event set actor = 'someone-else' where id = " + id);
        repairs.add(() -> tamper("update audit_event set actor = '" + original + "' where id = " + id));

        ChainVerification result = trail.verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenEventId()).isEqualTo(id);
        assertThat(result.problem()).contains("altered");
    }

    @Test
    void removingAnEventIsDetectedAtTheOneAfterIt() {
        trail.record(read("first"));
        long removed = lastId();
        trail.record(read("second"));
        long after = lastId();
        var row = jdbc.sql("select * from audit_event where id = :id").param("id", removed).query().singleRow();
        tamper("delete from audit_event where id = " + removed);
        repairs.add(() -> jdbc.sql("""
                        insert into audit_event (id, occurred_at, action, outcome, outcome_reason, actor, actor_type, roles,
                          organisation, purpose, person_id, entity_type, entity_id, query, client, previous_hash, hash)
                        values (:id, :occurred_at, :action, :outcome, :outcome_reason, :actor, :actor_type, :roles,
                          :organisation, :purpose, :person_id, :entity_type, :entity_id, :query, :client, :previous_hash,
                          :hash)""").params(row).update());

        ChainVerification result = trail.verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenEventId()).isEqualTo(after);
        assertThat(result.problem()).contains("does not follow");
    }

    @Test
    void removingEventsFromTheEndIsDetectedByTheLatestAnchor() {
        trail.record(read("before-anchor"));
        trail.record(read("anchored"));
        long anchoredId = lastId();
        AuditAnchors.Anchor anchor = anchors.anchorHead().orElseThrow();
        assertThat(anchor.eventId()).isEqualTo(anchoredId);
        trail.record(read("after-anchor"));
        long after = lastId();
        assertThat(trail.verify().intact()).isTrue();

        var rows = jdbc.sql("select * from audit_event where id >= :id order by id").param("id", anchoredId).query().listOfRows();
        tamper("delete from audit_event where id >= " + anchoredId);
        repairs.add(() -> rows.forEach(row -> jdbc.sql("""
                        insert into audit_event (id, occurred_at, action, outcome, outcome_reason, actor, actor_type, roles,
                          organisation, purpose, person_id, entity_type, entity_id, query, client, previous_hash, hash)
                        values (:id, :occurred_at, :action, :outcome, :outcome_reason, :actor, :actor_type, :roles,
                          :organisation, :purpose, :person_id, :entity_type, :entity_id, :query, :client, :previous_hash,
                          :hash)""").params(row).update()));

        ChainVerification result = trail.verify();

        assertThat(after).isGreaterThan(anchoredId);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenEventId()).isEqualTo(anchoredId);
        assertThat(result.problem()).contains("anchored", "the trail ends at event " + (anchoredId - 1), "removed");
    }

    @Test
    void anAlteredAnchorFileIsReportedNotIgnored() throws Exception {
        trail.record(read("anchored"));
        anchors.anchorHead().orElseThrow();
        Path file = anchorFile();
        byte[] original = Files.readAllBytes(file);
        Files.writeString(file, "not an anchor\n", StandardOpenOption.APPEND);
        repairs.add(() -> {
            try {
                Files.write(file, original);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });

        ChainVerification result = trail.verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).contains("is not an anchor", "altered");
    }

    @Test
    void anchorsAreWrittenOnlyWhenTheHeadMoved() throws Exception {
        trail.record(read("head"));
        anchors.anchorHead();
        long lines = Files.lines(anchorFile()).count();

        assertThat(anchors.anchorHead()).isEmpty();
        assertThat(Files.lines(anchorFile()).count()).isEqualTo(lines);
        assertThat(Files.readAllLines(anchorFile()).get((int) lines - 1)).contains(" " + lastId() + " ");
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletes() {
        trail.record(read("protected"));
        long id = lastId();

        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'x' where id = :id").param("id", id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = :id").param("id", id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update()).hasMessageContaining("append-only");
    }

    @Test
    void concurrentAppendsKeepTheChainIntact() throws Exception {
        long before = trail.verify().eventsChecked();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    trail.record(read("thread-" + thread));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        ChainVerification result = trail.verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.eventsChecked()).isGreaterThanOrEqualTo(before + 200);
    }

    @Test
    void signInsAreAuditedWithoutPasswords() {
        String username = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        long org = jdbc.sql("insert into organisation (ods_code, name, type) values (:c, 'Audit Practice', 'GP_PRACTICE') returning id")
                .param("c", "A" + username.substring(8).toUpperCase()).query(Long.class).single();
        long user = jdbc.sql("insert into staff_user (username, display_name, password_hash) values (:u, 'A', :h) returning id")
                .param("u", username).param("h", passwords.encode("the-right-password")).query(Long.class).single();
        jdbc.sql("insert into staff_role (user_id, organisation_id, role) values (:u, :o, 'GP')")
                .param("u", user).param("o", org).update();

        WebSession.anonymous(port).as(username, "a-wrong-password");
        WebSession.anonymous(port).as(username, "the-right-password");

        List<String> outcomes = jdbc.sql("""
                        select outcome || ':' || coalesce(outcome_reason, '') from audit_event
                         where action = 'AUTHENTICATE' and actor = :u order by id""")
                .param("u", username).query(String.class).list();
        assertThat(outcomes).containsExactly("FAILED:BadCredentialsException", "SUCCESS:");
        assertThat(jdbc.sql("select count(*) from audit_event where query like '%password%' or outcome_reason like '%password%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void verifyCommandExitsZeroWhenIntactAndOneWhenBroken() {
        trail.record(read("command"));
        long id = lastId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(verifyCommand.run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Audit trail intact");

        tamper("update audit_event set outcome = 'DENIED' where id = " + id);
        repairs.add(() -> tamper("update audit_event set outcome = 'SUCCESS' where id = " + id));
        out.reset();
        assertThat(verifyCommand.run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN at event " + id);
        assertThat(verifyCommand.run(List.of("extra"), new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(2);
    }

    private static AuditEvent read(String actor) {
        return AuditEvent.of(AuditEvent.Action.READ, AuditEvent.Outcome.SUCCESS, null, actor, AuditEvent.ActorType.STAFF,
                "GP", "TEST1", "TREAT", 1L, "Patient", "1", null, "test");
    }

    private Path anchorFile() {
        return dataDir.resolve("audit-anchors.log");
    }

    private long lastId() {
        trail.flush();
        return jdbc.sql("select max(id) from audit_event").query(Long.class).single();
    }

    /** Changes a row behind the triggers' back, as someone with the database owner's powers could. */
    private void tamper(String sql) {
        jdbc.sql("alter table audit_event disable trigger audit_event_no_update_or_delete").update();
        try {
            jdbc.sql(sql).update();
        } finally {
            jdbc.sql("alter table audit_event enable trigger audit_event_no_update_or_delete").update();
        }
    }
}
