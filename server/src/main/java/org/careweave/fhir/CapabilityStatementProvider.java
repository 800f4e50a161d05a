package org.careweave.fhir;

import java.util.Date;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.rest.annotation.Metadata;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IServerConformanceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/**
 * The CapabilityStatement, written out rather than generated so that it says exactly what CareWeave answers: the
 * interactions and search parameters of each type (those a type does not define in R4 are not claimed), the
 * $everything operation, and the SMART on FHIR security service with its token endpoint. Public only because HAPI
 * calls it reflectively.
 */
public final class CapabilityStatementProvider implements IServerConformanceProvider<CapabilityStatement> {

    private static final String SEARCH_PARAM_BASE = "http://hl7.org/fhir/SearchParameter/";

    private final FhirContext fhir;
    private final List<String> recordTypes;
    private final List<String> sharedTypes;
    private final Date published = new Date();

    CapabilityStatementProvider(FhirContext fhir, List<String> recordTypes, List<String> sharedTypes) {
        this.fhir = fhir;
        this.recordTypes = recordTypes;
        this.sharedTypes = sharedTypes;
    }

    /** Nothing to take from the server: the statement is written from the providers' types, not generated. */
    @Override
    public void setRestfulServer(RestfulServer server) {
    }

    @Override
    @Metadata
    public CapabilityStatement getServerConformance(HttpServletRequest servletRequest, RequestDetails request) {
        String base = request.getFhirServerBase();
        CapabilityStatement statement = new CapabilityStatement();
        statement.setUrl(base + "/metadata").setName("CareWeave").setTitle("CareWeave shared care record")
                .setStatus(Enumerations.PublicationStatus.ACTIVE).setDate(published)
                .setPublisher("CareWeave").setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE)
                .setFhirVersion(Enumerations.FHIRVersion._4_0_1)
                .setDescription("Reads of the shared care record through the access policy, and transaction and "
                        + "batch Bundles from partner systems");
        statement.getSoftware().setName("CareWeave");
        statement.getImplementation().setDescription("CareWeave shared care record (FHIR R4)").setUrl(base);
        statement.addFormat("application/fhir+json").addFormat("application/fhir+xml");
        CapabilityStatementRestComponent rest = statement.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        security(rest, request);
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION)
                .setDocumentation("transaction Bundles from a partner's system client: all or nothing");
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.BATCH)
                .setDocumentation("batch Bundles: each entry answered on its own");
        patient(rest.addResource().setType("Patient"));
        for (String type : recordTypes) {
            record(rest.addResource().setType(type));
        }
        directory(rest);
        platform(rest);
        for (String type : sharedTypes) {
            read(rest.addResource().setType(type), false)
                    .setDocumentation("As partners sent them; ids are d<n>");
        }
        return statement;
    }

    private static void security(CapabilityStatementRestComponent rest, RequestDetails request) {
        String root = request.getFhirServerBase().replaceFirst("/fhir$", "");
        var security = rest.getSecurity();
        security.setCors(false).addService(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR", "SMART-on-FHIR")));
        security.setDescription("OAuth2 bearer tokens: client credentials (client_secret_basic, or private_key_jwt "
                + "as in SMART Backend Services) from the token endpoint; or the web session of a signed-in user");
        Extension uris = new Extension("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
        uris.addExtension(new Extension("token", new UriType(root + "/oauth2/token")));
        security.addExtension(uris);
    }

    private void patient(CapabilityStatementRestResourceComponent resource) {
        read(resource, false).setProfile("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient");
        resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        searchParam(resource, "Patient", "identifier");
        resource.addOperation().setName("everything")
                .setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-everything")
                .setDocumentation("Instance level, with _count, _since and paging");
    }

    private void record(CapabilityStatementRestResourceComponent resource) {
        String type = resource.getType();
        read(resource, true).addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        resource.setDocumentation("Searched one patient at a time (patient or subject is required); paged with "
                + "next and previous links; items the access policy withholds are counted in an OperationOutcome entry");
        for (String name : RecordItemResourceProvider.searchParameters(fhir, type)) {
            searchParam(resource, type, name);
        }
        for (String include : RecordSearch.INCLUDES) {
            if (fhir.getResourceDefinition(type).getSearchParam(include) != null) {
                resource.addSearchInclude(type + ":" + include);
            }
        }
    }

    private void directory(CapabilityStatementRestComponent rest) {
        var organization = read(rest.addResource().setType("Organization"), false);
        organization.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        searchParam(organization, "Organization", "identifier");
        searchParam(organization, "Organization", "name");
        var practitioner = read(rest.addResource().setType("Practitioner"), false);
        practitioner.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        var role = read(rest.addResource().setType("PractitionerRole"), false);
        role.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        searchParam(role, "PractitionerRole", "practitioner");
        searchParam(role, "PractitionerRole", "organization");
        var careTeam = read(rest.addResource().setType("CareTeam"), false);
        careTeam.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        var consent = read(rest.addResource().setType("Consent"), false);
        consent.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        searchParam(consent, "Consent", "patient");
        var audit = rest.addResource().setType("AuditEvent");
        audit.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        for (String name : List.of("date", "agent-name", "patient", "outcome")) {
            searchParam(audit, "AuditEvent", name);
        }
    }

    /** Types the platform itself keeps: caseload episodes (with partners' episodes), risk scores, tasks, rest-hooks. */
    private void platform(CapabilityStatementRestComponent rest) {
        var episode = rest.addResource().setType("EpisodeOfCare");
        record(episode);
        episode.setDocumentation("Partners' episodes (numeric ids) searched one patient at a time, and caseload and "
                + "virtual ward episodes (ids caseload-<n>) by patient, or open ones by care-manager or team (with "
                + "status only)");
        searchParam(episode, "EpisodeOfCare", "care-manager");
        episode.addSearchParam().setName("team").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("The caseload's team (CareTeam/<id>)");
        var risk = read(rest.addResource().setType("RiskAssessment"), false);
        risk.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        for (String name : List.of("patient", "subject", "method", "date")) {
            searchParam(risk, "RiskAssessment", name);
        }
        var task = read(rest.addResource().setType("Task"), false);
        task.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        for (String name : List.of("patient", "owner", "status")) {
            searchParam(task, "Task", name);
        }
        var subscription = read(rest.addResource().setType("Subscription"), false);
        subscription.addInteraction().setCode(TypeRestfulInteraction.CREATE);
        subscription.addInteraction().setCode(TypeRestfulInteraction.DELETE);
        subscription.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        subscription.setDocumentation("rest-hook Subscriptions of system clients (R4, topic-less), criteria Encounter "
                + "or Encounter?patient=Patient/<id>");
    }

    private static CapabilityStatementRestResourceComponent read(CapabilityStatementRestResourceComponent resource,
                                                                boolean vread) {
        resource.addInteraction().setCode(TypeRestfulInteraction.READ);
        if (vread) {
            resource.addInteraction().setCode(TypeRestfulInteraction.VREAD);
        }
        return resource.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED)
                .setReadHistory(false).setUpdateCreate(false);
    }

    private void searchParam(CapabilityStatementRestResourceComponent resource, String type, String name) {
        RuntimeSearchParam definition = fhir.getResourceDefinition(type).getSearchParam(name);
        var param = resource.addSearchParam().setName(name);
        if (definition != null) {
            param.setType(Enumerations.SearchParamType.fromCode(definition.getParamType().getCode()));
            param.setDefinition(definition.getUri());
        }
        if (name.equals("_lastUpdated")) {
            param.setType(Enumerations.SearchParamType.DATE).setDefinition(SEARCH_PARAM_BASE + "Resource-lastUpdated");
        } else if (definition == null && name.equals("date")) {
            param.setType(Enumerations.SearchParamType.DATE).setDocumentation("The item's clinical date: the start "
                    + "of its effective period, onset, performed or recorded date, whichever the resource has");
        } else if (definition == null && name.equals("status")) {
            param.setType(Enumerations.SearchParamType.TOKEN).setDocumentation("The item's status, or its clinical "
                    + "status where the resource has no status");
        }
    }
}
