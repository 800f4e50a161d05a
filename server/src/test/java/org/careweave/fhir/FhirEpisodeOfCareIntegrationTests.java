package org.careweave.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;

import org.careweave.access.CareRelationships;
import org.careweave.audit.AuditTrail;
import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Caseloads;
import org.careweave.caseload.Enrolment;
import org.careweave.identity.SystemClients;
import org.careweave.organisation.Team;
import org.careweave.organisation.Teams;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.careweave.support.Tokens;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Caseload episodes as EpisodeOfCare over real HTTP: their searches' parameters and the access policy. */
@CareWeaveTest
class FhirEpisodeOfCareIntegrationTests {

    private static final String REASON = "Lives alone after a fall";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemClients clients;

    @Autowired
    CareRelationships relationships;

    @Autowired
    Teams teams;

    @Autowired
    Caseloads caseloads;

    @Autowired
    AuditTrail audit;

    Http http;
    long person;
    long team;
    long careManager;
    long practice;
    String episode;
    String related;
    String unrelated;

    @BeforeEach
    void arrange() {
        http = new Http(port);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long community = organisation("C" + tag, "COMMUNITY_TRUST");
        practice = organisation("P" + tag, "GP_PRACTICE");
        long elsewhere = organisation("E" + tag, "ACUTE_TRUST");
        person = jdbc.sql("""
                        insert into person (given_name, family_name, birth_date, sex)
                        values ('Ada', 'Episode', date '1940-03-02', 'female') returning id""")
                .query(Long.class).single();
        careManager = jdbc.sql("insert into staff_user (username, display_name, password_hash) values (:u, 'Test "
                        + "Coordinator', 'not-a-hash') returning id")
                .param("u", "episode-" + tag).query(Long.class).single();
        team = teams.create("Team " + tag, Team.Kind.NEIGHBOURHOOD_TEAM, community);
        teams.addMember(team, careManager);
        CaseloadEpisode enrolled = caseloads.enrol(new Enrolment(person, team, CaseloadEpisode.Programme.CASELOAD,
                careManager, REASON), "test");
        episode = "caseload-" + enrolled.id();
        relationships.start(person, CareRelationships.Kind.REFERRAL, CareRelationships.Holder.organisation(practice));
        related = token("gp-" + tag, practice);
        unrelated = token("acute-" + tag, elsewhere);
    }

    @Test
    void aSearchByTeamOrCareManagerRefusesTheParametersItWouldIgnore() {
        String byTeam = "/fhir/EpisodeOfCare?team=CareTeam/" + team;
        assertRefused(byTeam + "&patient=Patient/" + person, "'patient' is not supported with it");
        assertRefused(byTeam + "&foo=1", "'foo' is not supported with it");
        assertRefused(byTeam + "&date=ge2024-01-01", "'date' is not supported with it");
        assertRefused(byTeam + "&_count=5", "'_count' is not supported with it");
        assertRefused("/fhir/EpisodeOfCare?care-manager=Practitioner/" + careManager + "&subject=Patient/" + person,
                "'subject' is not supported with it");
        assertRefused(byTeam + "&status=bogus", "status 'bogus' is not an EpisodeOfCare status");
        assertRefused("/fhir/EpisodeOfCare?patient=Patient/" + person + "&status=active,bogus",
                "status 'bogus' is not an EpisodeOfCare status");
        assertRefused("/fhir/EpisodeOfCare?team=Practitioner/" + team, "team must refer to a CareTeam");

        assertThat(fhir(byTeam + "&status=finished,active", related).body()).contains(episode);
        assertThat(fhir(byTeam + "&status=finished", related).body()).doesNotContain(episode)
                .contains("\"total\":0");
        assertThat(fhir("/fhir/EpisodeOfCare?care-manager=" + careManager + "&_format=json", related).body())
                .contains(episode);
    }

    @Test
    void aSearchByPatientShowsCaseloadEpisodesOnlyToThoseWhoMayReadThemById() {
        String byPatient = "/fhir/EpisodeOfCare?patient=Patient/" + person;
        assertThat(fhir("/fhir/EpisodeOfCare/" + episode, unrelated).statusCode()).isEqualTo(403);

        HttpResponse<String> withheld = fhir(byPatient, unrelated);

        assertThat(withheld.statusCode()).isEqualTo(200);
        assertThat(withheld.body()).doesNotContain(episode).doesNotContain(REASON)
                .doesNotContain("Practitioner/" + careManager).doesNotContain("CareTeam/" + team)
                .contains("1 caseload or virtual ward episode(s) withheld");
        assertThat(audited("DENIED")).isEqualTo(1);

        assertThat(fhir(byPatient, related).body()).contains(episode).contains(REASON).contains("\"total\":1");
        assertThat(audited("SUCCESS")).isEqualTo(1);
        assertThat(fhir(byPatient + "&_summary=count", related).body()).contains("\"total\":1")
                .doesNotContain(REASON);
        assertThat(fhir(byPatient + "&status=finished", related).body()).doesNotContain(episode);
    }

    @Test
    void aSearchByPatientAppliesItsFiltersToCaseloadEpisodesToo() {
        String byPatient = "/fhir/EpisodeOfCare?patient=Patient/" + person;
        String today = java.time.LocalDate.now(org.careweave.shared.England.ZONE).toString();

        assertThat(answered(byPatient + "&date=ge" + today)).contains(episode);
        assertThat(answered(byPatient + "&date=lt" + today)).doesNotContain(episode).contains("\"total\":0");
        assertThat(answered(byPatient + "&date=lt2000-01-01")).doesNotContain(episode);
        assertThat(answered(byPatient + "&identifier=https://example.org/episodes%7CE-1")).doesNotContain(episode);
        assertThat(answered(byPatient + "&_lastUpdated=ge2000-01-01")).doesNotContain(episode);
        // EpisodeOfCare has no code or category search parameter in R4, on a page of items or of caseload episodes.
        assertRefused(byPatient + "&code=http://snomed.info/sct%7C38341003", "has no search parameter 'code'");
        assertRefused(byPatient + "&_caseload=0&category=problem", "has no search parameter 'category'");
    }

    /** The body of a search the caller may make, checked to be answered rather than refused. */
    private String answered(String path) {
        HttpResponse<String> response = fhir(path, related);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void caseloadEpisodesFollowTheRecordsItemsInPagesOfCount() {
        long item = jdbc.sql("""
                        insert into record_item (person_id, resource_type, category, status, effective_start,
                                                 source_org_id, source_id)
                        values (:p, 'EpisodeOfCare', 'social-care', 'active', now(), :src, :sid) returning id""")
                .param("p", person).param("src", practice).param("sid", UUID.randomUUID().toString())
                .query(Long.class).single();
        String virtualWard = "caseload-" + caseloads.enrol(new Enrolment(person, team,
                CaseloadEpisode.Programme.VIRTUAL_WARD, careManager, REASON), "test").id();
        long otherTeam = teams.create("Other " + team, Team.Kind.NEIGHBOURHOOD_TEAM, practice);
        teams.addMember(otherTeam, careManager);
        String elsewhere = "caseload-" + caseloads.enrol(new Enrolment(person, otherTeam,
                CaseloadEpisode.Programme.CASELOAD, careManager, REASON), "test").id();

        List<String> seen = new ArrayList<>();
        String next = "/fhir/EpisodeOfCare?patient=Patient/" + person + "&_count=2";
        List<Integer> pageSizes = new ArrayList<>();
        Integer firstTotal = null;
        while (next != null) {
            HttpResponse<String> page = fhir(next, related);
            assertThat(page.statusCode()).as(next).isEqualTo(200);
            Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, page.body());
            firstTotal = firstTotal == null ? bundle.getTotal() : firstTotal;
            List<String> ids = bundle.getEntry().stream()
                    .filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
                    .map(e -> e.getResource().getIdElement().getIdPart()).toList();
            pageSizes.add(ids.size());
            seen.addAll(ids);
            next = bundle.getLink(Bundle.LINK_NEXT) == null ? null
                    : bundle.getLink(Bundle.LINK_NEXT).getUrl().replaceFirst("^https?://[^/]+", "");
        }

        assertThat(seen).first().isEqualTo(Long.toString(item));
        assertThat(seen).containsExactlyInAnyOrder(Long.toString(item), episode, virtualWard, elsewhere);
        assertThat(pageSizes).containsExactly(2, 2);
        assertThat(firstTotal).isEqualTo(4);
        assertRefused("/fhir/EpisodeOfCare?patient=Patient/" + person + "&_caseload=x", "_caseload is the paging");
    }

    private long audited(String outcome) {
        audit.flush();
        return jdbc.sql("""
                        select count(*) from audit_event
                         where person_id = :person and entity_type = 'EpisodeOfCare' and query like '%caseload%'
                           and outcome = :outcome""")
                .param("person", person).param("outcome", outcome).query(Long.class).single();
    }

    private void assertRefused(String path, String says) {
        HttpResponse<String> response = fhir(path, related);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.body()).as(path).contains("OperationOutcome").contains(says);
    }

    private HttpResponse<String> fhir(String path, String token) {
        return http.fhirGet(path, token);
    }

    private String token(String clientId, long organisation) {
        clients.register(clientId, organisation, "a-long-enough-secret", null, false);
        return Tokens.clientCredentials(http, clientId, "a-long-enough-secret");
    }

    private long organisation(String code, String type) {
        return jdbc.sql("insert into organisation (ods_code, name, type) values (:c, :n, :t) returning id")
                .param("c", code).param("n", type + " " + code).param("t", type).query(Long.class).single();
    }
}
