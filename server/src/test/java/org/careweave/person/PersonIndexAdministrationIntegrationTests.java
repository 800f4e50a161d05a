package org.careweave.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.careweave.audit.AuditTrail;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The administrators' person index: resolving doubtful matches, merging and unmerging, over REST and the web page. */
@CareWeaveTest
class PersonIndexAdministrationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonMatching matching;

    @Autowired
    AuditTrail audit;

    Random random = new Random();
    String family;
    LocalDate born;
    long existing;
    PatientLink doubtful;
    WebSession admin;

    @BeforeEach
    void arrange() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        family = "Index" + tag;
        born = LocalDate.of(1930 + random.nextInt(80), 1 + random.nextInt(12), 1 + random.nextInt(28));
        existing = matching.link(organisation("S" + tag), patient("a", "Ann")).personId();
        doubtful = matching.link(organisation("T" + tag), patient("b", "Beth"));
        admin = WebSession.signedIn(port, "admin", "demo-admin-2026");
    }

    @Test
    void anAdministratorMergesADoubtfulMatchIntoItsCandidateAndCanUndoIt() {
        assertThat(admin.get("/api/person-index/reviews", "application/json").body())
                .contains("\"newPerson\":{\"id\":" + doubtful.personId()).contains(family);

        HttpResponse<String> confirmed = admin.postJson("/api/person-index/reviews/" + doubtful.reviewId()
                + "/confirmation", "{\"candidateId\":" + existing + "}");

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
        long merge = Long.parseLong(confirmed.body().replaceAll("\\D", ""));
        assertThat(mergedInto(doubtful.personId())).isEqualTo(existing);
        assertThat(resolution()).isEqualTo("MERGED");
        assertThat(audited(doubtful.personId(), "UPDATE")).isEqualTo(1);
        assertThat(audited(existing, "UPDATE")).isEqualTo(1);

        assertThat(admin.postJson("/api/person-index/merges/" + merge + "/undo", "{}").statusCode()).isEqualTo(204);

        assertThat(mergedInto(doubtful.personId())).isNull();
        assertThat(resolution()).isNull();
        assertThat(admin.get("/api/person-index/reviews", "application/json").body())
                .contains("\"id\":" + doubtful.reviewId());
    }

    @Test
    void keptApartTheReviewClosesAndNobodyIsMerged() {
        HttpResponse<String> rejected = admin.postJson("/api/person-index/reviews/" + doubtful.reviewId()
                + "/rejection", "{}");

        assertThat(rejected.statusCode()).isEqualTo(204);
        assertThat(resolution()).isEqualTo("KEPT_APART");
        assertThat(mergedInto(doubtful.personId())).isNull();
        HttpResponse<String> again = admin.postJson("/api/person-index/reviews/" + doubtful.reviewId()
                + "/confirmation", "{\"candidateId\":" + existing + "}");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("is not waiting for a decision");
    }

    @Test
    void badRequestsAreRefusedNamingTheProblemAndChangeNothing() {
        HttpResponse<String> notACandidate = admin.postJson("/api/person-index/reviews/" + doubtful.reviewId()
                + "/confirmation", "{\"candidateId\":" + doubtful.personId() + "}");
        assertThat(notACandidate.statusCode()).isEqualTo(400);
        assertThat(notACandidate.body()).contains("is not a candidate").contains(Long.toString(existing));
        HttpResponse<String> self = admin.postJson("/api/person-index/merges",
                "{\"survivorId\":" + existing + ",\"duplicateId\":" + existing + "}");
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(self.body()).contains("cannot be merged into themselves");
        assertThat(admin.postJson("/api/person-index/merges", "{\"survivorId\":" + existing + "}").statusCode())
                .isEqualTo(400);
        assertThat(admin.postJson("/api/person-index/merges/999999999/undo", "{}").body()).contains("No merge");
        assertThat(mergedInto(doubtful.personId())).isNull();
        assertThat(resolution()).isNull();
    }

    @Test
    void onlySignedInAdministratorsKeepTheIndex() {
        WebSession coordinator = WebSession.signedIn(port, "coordinator", "demo-coordinator-2026");

        assertThat(coordinator.get("/api/person-index/reviews", "application/json").statusCode()).isEqualTo(403);
        assertThat(coordinator.postJson("/api/person-index/merges",
                "{\"survivorId\":" + existing + ",\"duplicateId\":" + doubtful.personId() + "}").statusCode())
                .isEqualTo(403);
        assertThat(coordinator.get("/admin/person-index").statusCode()).isEqualTo(403);
        assertThat(mergedInto(doubtful.personId())).isNull();
    }

    @Test
    void theWebPageShowsTheCandidatesAndMergesTheChosenOne() {
        String page = admin.get("/admin/person-index").body();
        assertThat(page).contains("Match review " + doubtful.reviewId()).contains("Beth " + family)
                .contains("Ann " + family).contains("candidate-" + doubtful.reviewId() + "-" + existing);

        HttpResponse<String> merged = admin.post("/admin/person-index", "/admin/person-index/reviews/"
                + doubtful.reviewId() + "/merge", "candidate", Long.toString(existing));

        assertThat(merged.statusCode()).isEqualTo(302);
        assertThat(merged.headers().firstValue("Location").orElseThrow()).endsWith("/admin/person-index");
        assertThat(admin.get("/admin/person-index").body()).contains("merged into person " + existing)
                .doesNotContain("Match review " + doubtful.reviewId() + ":");
        assertThat(mergedInto(doubtful.personId())).isEqualTo(existing);
        admin.post("/admin/person-index", "/admin/person-index/merges", "survivor", "", "duplicate", "");
        assertThat(admin.get("/admin/person-index").body()).contains("Enter the id of the person who stays");
    }

    private Long mergedInto(long person) {
        return jdbc.sql("select merged_into_id from person where id = :id").param("id", person)
                .query((rs, n) -> (Long) rs.getObject(1, Long.class)).list().get(0);
    }

    private String resolution() {
        return jdbc.sql("select resolution from person_match_review where id = :id").param("id", doubtful.reviewId())
                .query((rs, n) -> rs.getString(1)).list().get(0);
    }

    private long audited(long person, String action) {
        audit.flush();
        return jdbc.sql("""
                        select count(*) from audit_event where person_id = :person and action = :action
                           and outcome_reason = 'PERSON_INDEX_ADMINISTRATION' and actor = 'admin'""")
                .param("person", person).param("action", action).query(Long.class).single();
    }

    private IncomingPatient patient(String sourceId, String given) {
        String json = "{\"resourceType\":\"Patient\",\"id\":\"" + sourceId + "\"}";
        return new IncomingPatient(sourceId, null, List.of(new IncomingPatient.Identifier("https://example.org/mrn",
                family + sourceId)), given, family, born, "female", null, "LS1 1AA", null, json,
                json.getBytes(StandardCharsets.UTF_8));
    }

    private long organisation(String code) {
        return jdbc.sql("insert into organisation (ods_code, name, type) values (:code, :name, 'ACUTE_TRUST') returning id")
                .param("code", code).param("name", "Org " + code).query(Long.class).single();
    }
}
