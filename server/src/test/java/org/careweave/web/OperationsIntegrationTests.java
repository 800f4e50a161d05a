package org.careweave.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CareWeaveTest
class OperationsIntegrationTests {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void healthReportsTheDatabase() {
        HttpResponse<String> health = http.get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"");
    }

    @Test
    void readinessIncludesTheDatabase() {
        assertThat(http.get("/actuator/health/readiness").body()).contains("\"db\":{\"status\":\"UP\"");
    }

    @Test
    void prometheusExposesJvmAndConnectionPoolMetrics() {
        HttpResponse<String> metrics = http.get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections_active");
    }

    @Test
    void otherActuatorEndpointsNeedSignIn() {
        assertThat(http.get("/actuator/metrics").statusCode()).isIn(302, 401);
    }

    @Test
    void fhirCapabilityStatementIsOpen() {
        HttpResponse<String> metadata = http.get("/fhir/metadata", "Accept", "application/fhir+json");

        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("\"resourceType\":\"CapabilityStatement\"").contains("\"fhirVersion\":\"4.0.1\"");
    }

    @Test
    void restOfFhirNeedsAuthentication() {
        assertThat(http.get("/fhir/Patient", "Accept", "application/fhir+json").statusCode()).isEqualTo(401);
    }

    @Test
    void browsersAreSentToSignIn() {
        HttpResponse<String> home = http.get("/", "Accept", "text/html");

        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void signInPageIsServed() {
        HttpResponse<String> login = http.get("/login");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"username\"").contains("name=\"password\"").contains("_csrf");
        assertThat(login.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void openApiDescribesTheRestApi() {
        HttpResponse<String> api = http.get("/v3/api-docs");

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).startsWith("{\"openapi\":\"3.").contains("CareWeave REST API")
                .contains("\"/api/sharing-agreements\"").contains("\"/api/people/{personId}/consents\"")
                .contains("/oauth2/token");
    }
}
