package org.careweave.ingest;

import org.careweave.access.Callers;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts the bundle ingest on the exact paths {@code /fhir} and {@code /fhir/}, beside HAPI's {@code /fhir/*}. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    ServletRegistrationBean<IngestServlet> ingestServlet(BundleIngest ingest, Callers callers, IngestSettings settings) {
        ServletRegistrationBean<IngestServlet> registration = new ServletRegistrationBean<>(
                new IngestServlet(ingest, callers, settings.maxBundleBytes().toBytes()), "/fhir", "/fhir/");
        registration.setName("fhir-ingest");
        return registration;
    }
}
