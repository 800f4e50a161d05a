package org.careweave.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.careweave.access.AccessPolicyMatrixIntegrationTests.Agreement;
import org.careweave.access.AccessPolicyMatrixIntegrationTests.Consent;
import org.careweave.access.AccessPolicyMatrixIntegrationTests.Glass;
import org.careweave.access.AccessPolicyMatrixIntegrationTests.Relationship;
import org.careweave.access.AccessPolicyMatrixIntegrationTests.Source;
import org.careweave.shared.Role;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.careweave.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The access rules seen from outside: every role signs in through the real form, and for each situation
 * (relationship × agreement × consent × break-glass) opens the person's page in the web UI and searches their
 * conditions over FHIR. What appears must be what the rules (restated in {@link AccessPolicyMatrixIntegrationTests#expected})
 * allow: no more (a leak) and no less.
 */
@CareWeaveTest
class WebAndFhirAccessMatrixIntegrationTests {

    private static final String OWN = "OwnPracticeProblem";
    private static final String PARTNER = "PartnerHospitalProblem";
    private static final String SENSITIVE = "PartnerMentalHealthNote";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Consents consents;

    @Autowired
    CareRelationships relationships;

    @Autowired
    SharingAgreements agreements;

    @Test
    void webPagesAndFhirShowExactlyWhatTheRulesAllow() {
        AccessFixture fixture = new AccessFixture(jdbc);
        long viewerOrg = fixture.organisation("GP_PRACTICE");
        long partner = fixture.organisation("ACUTE_TRUST");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<Role, WebSession> sessions = new EnumMap<>(Role.class);
        Map<Role, Long> users = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String username = "matrix-" + role.name().toLowerCase() + "-" + tag;
            long user = jdbc.sql("insert into staff_user (username, display_name, password_hash) values (:u, :n, :h) returning id")
                    .param("u", username).param("n", role.label()).param("h", passwords.encode("matrix-password-1"))
                    .query(Long.class).single();
            jdbc.sql("insert into staff_role (user_id, organisation_id, role) values (:u, :o, :r)")
                    .param("u", user).param("o", viewerOrg).param("r", role.name()).update();
            WebSession session = WebSession.anonymous(port);
            assertThat(session.as(username, "matrix-password-1")).endsWith("/");
            sessions.put(role, session);
            users.put(role, user);
        }

        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (Relationship relationship : List.of(Relationship.NONE, Relationship.REFERRAL)) {
            for (Agreement agreement : List.of(Agreement.NONE, Agreement.PROBLEMS_ONLY)) {
                for (Consent consent : List.of(Consent.NONE, Consent.OBJECTS_TO_VIEWER, Consent.PERMITS_MENTAL_HEALTH)) {
                    for (Glass glass : List.of(Glass.NONE, Glass.ACTIVE)) {
                        long provider = fixture.organisation("ACUTE_TRUST");
                        long person = fixture.person(null);
                        item(person, viewerOrg, OWN, null);
                        item(person, provider, PARTNER, null);
                        item(person, provider, SENSITIVE, "MENTAL_HEALTH");
                        if (relationship == Relationship.REFERRAL) {
                            relationships.start(person, CareRelationships.Kind.REFERRAL,
                                    CareRelationships.Holder.organisation(viewerOrg));
                        }
                        if (agreement == Agreement.PROBLEMS_ONLY) {
                            agreements.create(provider, viewerOrg, DataCategory.PROBLEMS, LocalDate.now().minusDays(1), null, "t");
                        }
                        switch (consent) {
                            case OBJECTS_TO_VIEWER -> consents.objectToOrganisation(person, viewerOrg, null, "t");
                            case PERMITS_MENTAL_HEALTH -> consents.permitSensitive(person, DataCategory.MENTAL_HEALTH, null, "t");
                            default -> { }
                        }
                        if (glass == Glass.ACTIVE) {
                            users.values().forEach(user -> jdbc.sql("""
                                            insert into break_glass (user_id, person_id, reason, expires_at)
                                            values (:u, :p, 'Collapsed in clinic, matrix test', now() + interval '1 hour')""")
                                    .param("u", user).param("p", person).update());
                        }
                        for (Role role : Role.values()) {
                            String situation = role + " " + relationship + " " + agreement + " " + consent + " " + glass;
                            String own = AccessPolicyMatrixIntegrationTests.expected(role, relationship, agreement, consent,
                                    glass, Source.VIEWERS_ORGANISATION, DataCategory.PROBLEMS);
                            boolean seesPartner = AccessPolicyMatrixIntegrationTests.expected(role, relationship, agreement,
                                    consent, glass, Source.PARTNER, DataCategory.PROBLEMS).equals("VISIBLE");
                            boolean seesSensitive = AccessPolicyMatrixIntegrationTests.expected(role, relationship,
                                    agreement, consent, glass, Source.PARTNER, DataCategory.MENTAL_HEALTH).equals("VISIBLE");
                            WebSession session = sessions.get(role);
                            HttpResponse<String> page = session.get("/people/" + person, "text/html");
                            HttpResponse<String> fhir = session.get("/fhir/Condition?patient=" + person, "application/fhir+json");
                            checked += 2;
                            check(leaks, "web " + situation, page, own.startsWith("DENIED"), seesPartner, seesSensitive);
                            check(leaks, "fhir " + situation, fhir, own.startsWith("DENIED"), seesPartner, seesSensitive);
                            if (!own.startsWith("DENIED") && seesPartner != seesSensitive
                                    && !page.body().contains("Some information is withheld")) {
                                leaks.add("web " + situation + ": withheld items not marked");
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(2 * 2 * 2 * 3 * 2 * Role.values().length);
        assertThat(leaks).as("differences from the rules").isEmpty();
    }

    private static void check(List<String> problems, String situation, HttpResponse<String> response, boolean denied,
                              boolean seesPartner, boolean seesSensitive) {
        if (denied) {
            if (response.statusCode() != 403 || response.body().contains(OWN)) {
                problems.add(situation + ": expected 403 without content, got " + response.statusCode());
            }
            return;
        }
        String body = response.body();
        if (response.statusCode() != 200 || !body.contains(OWN)) {
            problems.add(situation + ": expected 200 with own items, got " + response.statusCode());
        }
        if (body.contains(PARTNER) != seesPartner) {
            problems.add(situation + ": partner problem " + (seesPartner ? "missing" : "LEAKED"));
        }
        if (body.contains(SENSITIVE) != seesSensitive) {
            problems.add(situation + ": sensitive item " + (seesSensitive ? "missing" : "LEAKED"));
        }
    }

    private void item(long person, long source, String display, String sensitivity) {
        jdbc.sql("""
                        insert into record_item (person_id, resource_type, category, code_system, code, display,
                                                 effective_start, sensitivity, source_org_id, source_id)
                        values (:p, 'Condition', 'problem', 'http://snomed.info/sct', '38341003', :d,
                                now() - interval '1 year', :s, :src, :sid)""")
                .param("p", person).param("d", display).param("s", sensitivity).param("src", source)
                .param("sid", UUID.randomUUID().toString()).update();
    }
}
