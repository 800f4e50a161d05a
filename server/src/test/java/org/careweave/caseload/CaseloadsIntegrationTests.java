package org.careweave.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.careweave.caseload.CaseloadEpisode.Programme;
import org.careweave.support.CareWeaveTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

@CareWeaveTest
@Import(CaseloadsIntegrationTests.Recorder.class)
class CaseloadsIntegrationTests {

    @TestConfiguration
    static class Recorder {
        final List<CaseloadChanged> seen = new ArrayList<>();

        @EventListener
        void on(CaseloadChanged changed) {
            seen.add(changed);
        }
    }

    @Autowired Caseloads caseloads;
    @Autowired JdbcClient jdbc;
    @Autowired Recorder recorder;

    long team;
    long member;
    long outsider;
    long person;

    @BeforeEach
    void fixture() {
        long org = jdbc.sql("select id from organisation order by id limit 1").query(Long.class).single();
        member = user("member");
        outsider = user("outsider");
        team = jdbc.sql("insert into team (name, kind, lead_organisation_id) values (:name, 'NEIGHBOURHOOD_TEAM', :org) returning id")
                .param("name", "Caseload team " + System.nanoTime()).param("org", org).query(Long.class).single();
        jdbc.sql("insert into team_member (team_id, user_id) values (:team, :user)")
                .param("team", team).param("user", member).update();
        person = jdbc.sql("insert into person (given_name, family_name, birth_date, sex) values ('Test', 'Caseload', date '1940-02-03', 'female') returning id")
                .query(Long.class).single();
    }

    @Test
    void enrollingStartsTheTeamsRelationshipAndEndingEndsIt() {
        CaseloadEpisode episode = caseloads.enrol(
                new Enrolment(person, team, Programme.VIRTUAL_WARD, member, "Frailty, two admissions this year"), "tester");

        assertThat(episode.active()).isTrue();
        assertThat(episode.careManagerId()).isEqualTo(member);
        assertThat(caseloads.activeFor(person)).containsExactly(episode);
        assertThat(caseloads.activeForTeam(team)).containsExactly(episode);
        assertThat(caseloads.activeForCareManager(member)).containsExactly(episode);
        assertThat(openCaseloadRelationships()).isEqualTo(1);
        assertThat(recorder.seen).contains(new CaseloadChanged(episode));

        CaseloadEpisode ended = caseloads.end(episode.id(), "Stable, back to usual care", "tester");

        assertThat(ended.active()).isFalse();
        assertThat(ended.endReason()).isEqualTo("Stable, back to usual care");
        assertThat(caseloads.activeFor(person)).isEmpty();
        assertThat(caseloads.historyOf(person)).containsExactly(ended);
        assertThat(openCaseloadRelationships()).isZero();
        assertThatThrownBy(() -> caseloads.end(episode.id(), "again", "tester"))
                .hasMessageContaining("No open caseload episode");
    }

    @Test
    void refusesWhatCannotBeRight() {
        assertThatThrownBy(() -> caseloads.enrol(new Enrolment(person, team, Programme.CASELOAD, outsider, "Reason"), "t"))
                .hasMessageContaining("must be a member of");
        assertThatThrownBy(() -> caseloads.enrol(new Enrolment(person, team, Programme.CASELOAD, member, " "), "t"))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> caseloads.enrol(new Enrolment(-1, team, Programme.CASELOAD, member, "Reason"), "t"))
                .hasMessageContaining("No person");
        assertThatThrownBy(() -> caseloads.enrol(new Enrolment(person, -1, Programme.CASELOAD, member, "Reason"), "t"))
                .hasMessageContaining("No team");

        caseloads.enrol(new Enrolment(person, team, Programme.CASELOAD, member, "Reason"), "t");
        assertThatThrownBy(() -> caseloads.enrol(new Enrolment(person, team, Programme.CASELOAD, member, "Again"), "t"))
                .hasMessageContaining("already on");
        caseloads.enrol(new Enrolment(person, team, Programme.VIRTUAL_WARD, member, "Step up"), "t");
        assertThat(caseloads.activeFor(person)).extracting(CaseloadEpisode::programme)
                .containsExactly(Programme.CASELOAD, Programme.VIRTUAL_WARD);
        assertThat(openCaseloadRelationships()).isEqualTo(2);
    }

    private long openCaseloadRelationships() {
        return jdbc.sql("select count(*) from care_relationship where person_id = :p and team_id = :t and kind = 'CASELOAD' and ends_at is null")
                .param("p", person).param("t", team).query(Long.class).single();
    }

    private long user(String name) {
        return jdbc.sql("insert into staff_user (username, display_name, password_hash) values (:u, :n, '{noop}unused') returning id")
                .param("u", name + System.nanoTime()).param("n", name).query(Long.class).single();
    }
}
