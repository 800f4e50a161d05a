package org.careweave.fhir;

import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
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
                                                       RecordSearch search, SharedResources shared) {
        List<IResourceProvider> all = new ArrayList<>(providers);
        List<String> recordTypes = RecordItemResourceProvider.TYPES.stream()
                .filter(type -> RecordItemResourceProvider.servable(fhirContext, type)).sorted().toList();
        recordTypes.forEach(type -> all.add(new RecordItemResourceProvider(fhirContext, type, search)));
        SharedResourceProvider.TYPES.forEach(type -> all.add(new SharedResourceProvider(fhirContext, shared, type)));
        RestfulServer server = new RestfulServer(fhirContext);
        server.setServerName("CareWeave");
        server.setImplementationDescription("CareWeave shared care record (FHIR R4)");
        server.setResourceProviders(all);
        server.setServerConformanceProvider(new CapabilityStatementProvider(fhirContext, recordTypes,
                SharedResourceProvider.TYPES));
        server.setDefaultPrettyPrint(false);
        server.registerInterceptor(new PlainJsonAnswers(fhirContext));
        server.registerInterceptor(new ServerErrors());
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
