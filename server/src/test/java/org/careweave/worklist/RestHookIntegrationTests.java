package org.careweave.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.careweave.access.DataCategory;
import org.careweave.access.SharingAgreements;
import org.careweave.adt.HospitalMovement;
import org.careweave.caseload.Caseloads;
import org.careweave.identity.SystemClients;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.careweave.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** FHIR rest-hook Subscriptions: managed by partner systems, delivered from the outbox to a real HTTP endpoint. */
@CareWeaveTest
class RestHookIntegrationTests {

    record Received(String body, String contentType, String secret) {
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEventPublisher events;
    @Autowired Caseloads caseloads;
    @Autowired SystemClients clients;
    @Autowired SharingAgreements agreements;

    WorklistFixture fixture;
    Http http;
    String token;
    HttpServer receiver;
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final AtomicInteger failuresToAnswer = new AtomicInteger();

    @BeforeEach
    void arrange() throws IOException {
        fixture = new WorklistFixture(jdbc, encoder, transactions, events, caseloads);
        http = new Http(port);
        clients.register("hooks-" + fixture.tag, fixture.practice, "a-long-enough-secret", null, false);
        token = Tokens.clientCredentials(http, "hooks-" + fixture.tag, "a-long-enough-secret");
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/notify", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean fail = failuresToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            if (!fail) {
                received.add(new Received(new String(body, StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("X-Partner-Secret")));
            }
            exchange.sendResponseHeaders(fail ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void aPartnerHearsOfMovementsOfPeopleItsOrganisationMaySeeAndOfNobodyElse() throws InterruptedException {
        agreements.create(fixture.hospital, fixture.practice, DataCategory.ENCOUNTERS, LocalDate.now().minusDays(1), null, "test");
        long registered = fixture.person(fixture.practice);
        long elsewhere = fixture.person(null);
        HttpResponse<String> created = create(subscription("Encounter", endpoint(), "\"header\":[\"X-Partner-Secret: s3cret\"],"));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/Subscription/([0-9]+).*", "$1");

        fixture.publish(fixture.movement(elsewhere, fixture.encounter(elsewhere), HospitalMovement.Kind.ADMITTED, Instant.now()));
        long encounter = fixture.encounter(registered);
        fixture.publish(fixture.movement(registered, encounter, HospitalMovement.Kind.DISCHARGED, Instant.now()));

        Received notification = received.poll(10, TimeUnit.SECONDS);
        assertThat(notification).isNotNull();
        assertThat(notification.contentType()).startsWith("application/fhir+json");
        assertThat(notification.secret()).isEqualTo("s3cret");
        assertThat(notification.body()).contains("\"type\":\"history\"").contains("\"resourceType\":\"Parameters\"")
                .contains("backport-subscription-status-r4").contains("\"valueCode\":\"event-notification\"")
                .contains("\"name\":\"events-since-subscription-start\",\"valueString\":\"1\"")
                .contains("Encounter/" + encounter).contains("\"resourceType\":\"Encounter\"")
                .contains("\"valueCode\":\"discharged\"");
        assertThat(received.poll(1, TimeUnit.SECONDS)).as("nothing about the person the practice may not see").isNull();
        assertThat(fhir("/fhir/Subscription/" + id).body()).contains("\"status\":\"active\"");
    }

    @Test
    void idOnlySubscriptionsForOnePatientCarryNoResourceAndFailedDeliveriesAreRetried() throws InterruptedException {
        agreements.create(fixture.hospital, fixture.practice, DataCategory.ENCOUNTERS, LocalDate.now().minusDays(1), null, "test");
        long registered = fixture.person(fixture.practice);
        String body = """
                {"resourceType":"Subscription","status":"requested","reason":"Follow up","criteria":"Encounter?patient=Patient/%d",
                 "channel":{"type":"rest-hook","endpoint":"%s","payload":"application/fhir+json","_payload":{"extension":[
                 {"url":"http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content","valueCode":"id-only"}]}}}"""
                .formatted(registered, endpoint());
        HttpResponse<String> created = create(body);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/Subscription/([0-9]+).*", "$1");
        failuresToAnswer.set(1);

        long encounter = fixture.encounter(registered);
        fixture.publish(fixture.movement(registered, encounter, HospitalMovement.Kind.ADMITTED, Instant.now()));

        Received notification = received.poll(15, TimeUnit.SECONDS);
        assertThat(notification).as("delivered on the retry after the endpoint failed once").isNotNull();
        assertThat(notification.body()).contains("Encounter/" + encounter).doesNotContain("\"resourceType\":\"Encounter\"");
        assertThat(afterDelivery(Long.parseLong(id))).as("attempts").isEqualTo(2);
        assertThat(fhir("/fhir/Subscription/" + id).body()).contains("\"status\":\"active\"");
    }

    @Test
    void aFailingEndpointPutsTheSubscriptionInError() throws InterruptedException {
        agreements.create(fixture.hospital, fixture.practice, DataCategory.ENCOUNTERS, LocalDate.now().minusDays(1), null, "test");
        long registered = fixture.person(fixture.practice);
        String id = create(subscription("Encounter?patient=" + registered, endpoint(), "")).headers()
                .firstValue("Location").orElseThrow().replaceAll(".*/Subscription/([0-9]+).*", "$1");
        failuresToAnswer.set(1000);

        fixture.publish(fixture.movement(registered, fixture.encounter(registered), HospitalMovement.Kind.ADMITTED, Instant.now()));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String status = "";
        while (System.nanoTime() < deadline && !status.contains("\"status\":\"error\"")) {
            Thread.sleep(200);
            status = fhir("/fhir/Subscription/" + id).body();
        }
        assertThat(status).contains("\"status\":\"error\"").contains("The endpoint answered HTTP 500");
    }

    @Test
    void partnersManageOnlyTheirOwnSubscriptions() {
        String id = create(subscription("Encounter", endpoint(), "")).headers().firstValue("Location").orElseThrow()
                .replaceAll(".*/Subscription/([0-9]+).*", "$1");
        clients.register("other-" + fixture.tag, fixture.hospital, "a-long-enough-secret", null, false);
        String other = Tokens.clientCredentials(http, "other-" + fixture.tag, "a-long-enough-secret");

        assertThat(fhir("/fhir/Subscription?status=active").body()).contains("\"id\":\"" + id + "\"");
        assertThat(http.get("/fhir/Subscription/" + id, "Authorization", "Bearer " + other).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/fhir/Subscription/" + id, null, other).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/fhir/Subscription/" + id, null, token).statusCode()).isIn(200, 204);
        assertThat(fhir("/fhir/Subscription/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void badSubscriptionsAreRefusedWithAnOperationOutcomeSayingWhatToFix() {
        assertRefused(subscription("Observation", endpoint(), ""), "criteria 'Observation' is not supported");
        assertRefused(subscription("Encounter?patient=Patient/abc", endpoint(), ""), "is not supported");
        assertRefused(subscription("Encounter", "ftp://example.org/x", ""), "absolute http or https URL");
        assertRefused(subscription("Encounter", "", ""), "endpoint is required");
        assertRefused(subscription("Encounter", endpoint(), "\"header\":[\"no colon here\"],"), "write it as 'Name: value'");
        assertRefused(subscription("Encounter", endpoint(), "\"header\":[\"Host: evil\"],"), "may not set Host");
        assertRefused(subscription("Encounter", endpoint(), "").replace("rest-hook", "websocket"),
                "channel.type must be 'rest-hook'");
        assertRefused(subscription("Encounter", endpoint(), "").replace("application/fhir+json", "application/xml"),
                "payload must be 'application/fhir+json'");
        assertRefused(subscription("Encounter", endpoint(), "").replace("\"requested\"", "\"off\""), "must be 'requested'");
    }

    /** The attempts it took, once the outbox has recorded the delivery (just after the endpoint answered). */
    private int afterDelivery(long subscription) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            Integer attempts = jdbc.sql("select attempts from fhir_subscription_delivery where subscription_id = :s and delivered_at is not null")
                    .param("s", subscription).query(Integer.class).optional().orElse(null);
            if (attempts != null) {
                return attempts;
            }
            Thread.sleep(50);
        }
        return -1;
    }

    private void assertRefused(String body, String message) {
        HttpResponse<String> response = create(body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(response.body()).contains("OperationOutcome").contains(message);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/notify";
    }

    private static String subscription(String criteria, String endpoint, String extraChannel) {
        return """
                {"resourceType":"Subscription","status":"requested","reason":"Community follow-up","criteria":"%s",
                 "channel":{%s"type":"rest-hook","endpoint":"%s","payload":"application/fhir+json"}}"""
                .formatted(criteria, extraChannel, endpoint);
    }

    private HttpResponse<String> create(String body) {
        return send("POST", "/fhir/Subscription", body, token);
    }

    private HttpResponse<String> fhir(String path) {
        return http.fhirGet(path, token);
    }

    private HttpResponse<String> send(String method, String path, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.url(path)))
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/fhir+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/fhir+json");
        }
        return http.send(request.build());
    }

}
