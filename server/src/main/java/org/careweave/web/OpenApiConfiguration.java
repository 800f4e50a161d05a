package org.careweave.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the REST API under /api (FHIR has its own CapabilityStatement at /fhir/metadata). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI careWeaveApi() {
        return new OpenAPI()
                .info(new Info().title("CareWeave REST API").version("0.1")
                        .description("Coordination data for integrated neighbourhood teams: organisations, staff, teams,"
                                + " sharing agreements, consent and emergency access. Clinical record data is served"
                                + " over FHIR R4 at /fhir.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description("client_credentials with client_secret_basic or private_key_jwt (SMART Backend Services)")
                        .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token")))))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
