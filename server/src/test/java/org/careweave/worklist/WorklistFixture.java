package org.careweave.worklist;

import java.time.Instant;
import java.util.UUID;

import org.careweave.adt.HospitalMovement;
import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Caseloads;
import org.careweave.caseload.Enrolment;
import org.careweave.shared.Role;
import org.careweave.support.TestUsers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A team with the test care coordinator as member, a hospital, and helpers that create people with encounters and
 * publish hospital movements the way the ADT feature does: inside the transaction that stored the encounter.
 */
final class WorklistFixture {

    final JdbcClient jdbc;
    final TransactionTemplate transactions;
    final ApplicationEventPublisher events;
    final Caseloads caseloads;
    final String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final long hospital;
    final long team;
    final long coordinator;
    final long colleague;
    final long practice;

    WorklistFixture(JdbcClient jdbc, PasswordEncoder encoder, TransactionTemplate transactions,
                    ApplicationEventPublisher events, Caseloads caseloads) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.caseloads = caseloads;
        TestUsers.ensure(jdbc, encoder);
        practice = TestUsers.organisationId(jdbc, TestUsers.practiceCode());
        hospital = jdbc.sql("insert into organisation (ods_code, name, type) values (:c, :n, 'ACUTE_TRUST') returning id")
                .param("c", "H" + tag).param("n", "Test General Hospital " + tag).query(Long.class).single();
        coordinator = userId(TestUsers.username(Role.CARE_COORDINATOR));
        colleague = userId(TestUsers.username(Role.NURSE));
        team = jdbc.sql("insert into team (name, kind, lead_organisation_id) values (:n, 'NEIGHBOURHOOD_TEAM', :o) returning id")
                .param("n", "Worklist team " + tag).param("o", practice).query(Long.class).single();
        jdbc.sql("insert into team_member (team_id, user_id) values (:t, :a), (:t, :b)")
                .param("t", team).param("a", coordinator).param("b", colleague).update();
    }

    long userId(String username) {
        return jdbc.sql("select id from staff_user where username = :u").param("u", username).query(Long.class).single();
    }

    long person(Long registeredPractice) {
        return jdbc.sql("""
                        insert into person (given_name, family_name, birth_date, sex, registered_practice_id)
                        values ('Wren', :family, date '1938-05-06', 'female', :practice) returning id""")
                .param("family", "Worklist" + tag).param("practice", registeredPractice).query(Long.class).single();
    }

    CaseloadEpisode onCaseload(long person, CaseloadEpisode.Programme programme) {
        return caseloads.enrol(new Enrolment(person, team, programme, coordinator, "Frailty"), "test");
    }

    long encounter(long person) {
        return jdbc.sql("""
                        insert into record_item (person_id, resource_type, category, code_system, code, display,
                                                 effective_start, status, source_org_id, source_id)
                        values (:p, 'Encounter', 'emergency-admission', 'http://snomed.info/sct', '183452005',
                                'Emergency hospital admission', now() - interval '2 days', 'in-progress', :h, :sid)
                        returning id""")
                .param("p", person).param("h", hospital).param("sid", UUID.randomUUID().toString())
                .query(Long.class).single();
    }

    HospitalMovement movement(long person, long encounter, HospitalMovement.Kind kind, Instant at) {
        return new HospitalMovement(person, kind, hospital, encounter, at, "I", "Ward 7", null,
                "MSG" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Publishes inside a transaction, as the ADT feature does; the worklist reacts after it commits. */
    void publish(HospitalMovement movement) {
        transactions.executeWithoutResult(status -> events.publishEvent(movement));
    }

    long notifications(long person, String where) {
        return jdbc.sql("select count(*) from worklist_notification where person_id = :p and " + where)
                .param("p", person).query(Long.class).single();
    }
}
