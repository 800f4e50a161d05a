package org.careweave.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.careweave.access.Callers;
import org.careweave.record.PersonRecords;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts the FHIR server at {@code /fhir}; resource providers are picked up as beans. */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext fhirContext, List<IResourceProvider> providers,
                                                       PersonRecords records, Callers callers, RecordItemMapper mapper) {
        List<IResourceProvider> all = new java.util.ArrayList<>(providers);
        RecordItemResourceProvider.TYPES.forEach(type ->
                all.add(new RecordItemResourceProvider(type, records, callers, mapper)));
        RestfulServer server = new RestfulServer(fhirContext);
        server.setServerName("CareWeave");
        server.setImplementationDescription("CareWeave shared care record (FHIR R4)");
        server.setResourceProviders(all);
        server.setDefaultPrettyPrint(false);
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
