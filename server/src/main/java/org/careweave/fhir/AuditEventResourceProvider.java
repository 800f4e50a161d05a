package org.careweave.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.careweave.audit.AuditEvent;
import org.careweave.audit.AuditQuery;
import org.careweave.audit.AuditTrail;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The audit trail as FHIR AuditEvent, after IHE Basic Audit Log Patterns: RESTful-operation events with the
 * interaction as subtype, the requesting agent with role and purpose of use, CareWeave as observer, and the patient
 * as a BALP patient entity. Privacy officers and administrators only.
 */
@Component
class AuditEventResourceProvider implements IResourceProvider {

    private static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    private static final String INTERACTION = "http://hl7.org/fhir/restful-interaction";

    private final AuditTrail trail;

    AuditEventResourceProvider(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public Class<org.hl7.fhir.r4.model.AuditEvent> getResourceType() {
        return org.hl7.fhir.r4.model.AuditEvent.class;
    }

    @Search
    public List<org.hl7.fhir.r4.model.AuditEvent> search(
            @OptionalParam(name = org.hl7.fhir.r4.model.AuditEvent.SP_DATE) DateRangeParam date,
            @OptionalParam(name = org.hl7.fhir.r4.model.AuditEvent.SP_AGENT_NAME) StringParam agent,
            @OptionalParam(name = org.hl7.fhir.r4.model.AuditEvent.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = org.hl7.fhir.r4.model.AuditEvent.SP_OUTCOME) TokenParam outcome,
            @Count Integer count) {
        boolean allowed = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_PRIVACY_OFFICER") || a.getAuthority().equals("ROLE_ADMINISTRATOR"));
        if (!allowed) {
            throw new ForbiddenOperationException("Only privacy officers and administrators may read the audit trail");
        }
        Long person = patient == null ? null : FhirErrors.idOf(patient.getIdPart(), "Patient");
        AuditEvent.Outcome wanted = outcome == null ? null : switch (outcome.getValue()) {
            case "0" -> AuditEvent.Outcome.SUCCESS;
            case "4" -> AuditEvent.Outcome.DENIED;
            case "8" -> AuditEvent.Outcome.FAILED;
            default -> throw new InvalidRequestException("outcome is 0 (success), 4 (denied) or 8 (failed)");
        };
        AuditQuery query = FhirErrors.translated(() -> new AuditQuery(
                date == null || date.getLowerBoundAsInstant() == null ? null : date.getLowerBoundAsInstant().toInstant(),
                date == null || date.getUpperBoundAsInstant() == null ? null : date.getUpperBoundAsInstant().toInstant(),
                agent == null ? null : agent.getValue(), person, null, wanted, null, count == null ? 100 : Math.min(count, 500)));
        return trail.search(query).stream().map(AuditEventResourceProvider::toFhir).toList();
    }

    static org.hl7.fhir.r4.model.AuditEvent toFhir(AuditEvent e) {
        var fhir = new org.hl7.fhir.r4.model.AuditEvent();
        fhir.setId(Long.toString(e.id()));
        if (e.personId() != null && (e.action() == AuditEvent.Action.READ || e.action() == AuditEvent.Action.SEARCH)) {
            fhir.getMeta().addProfile("https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.Patient"
                    + (e.action() == AuditEvent.Action.READ ? "Read" : "Query"));
        }
        if (e.action() == AuditEvent.Action.AUTHENTICATE) {
            fhir.setType(new Coding(DICOM, "110114", "User Authentication"));
        } else {
            fhir.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "Restful Operation"));
            fhir.addSubtype(new Coding(INTERACTION, subtype(e.action()), null));
        }
        fhir.setAction(switch (e.action()) {
            case CREATE, BREAK_GLASS -> org.hl7.fhir.r4.model.AuditEvent.AuditEventAction.C;
            case UPDATE, REVIEW -> org.hl7.fhir.r4.model.AuditEvent.AuditEventAction.U;
            case DELETE -> org.hl7.fhir.r4.model.AuditEvent.AuditEventAction.D;
            case AUTHENTICATE, EXPORT -> org.hl7.fhir.r4.model.AuditEvent.AuditEventAction.E;
            case READ, SEARCH -> org.hl7.fhir.r4.model.AuditEvent.AuditEventAction.R;
        });
        fhir.setRecorded(Date.from(e.occurredAt()));
        fhir.setOutcome(switch (e.outcome()) {
            case SUCCESS -> org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome._0;
            case DENIED -> org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome._4;
            case FAILED -> org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome._8;
        });
        fhir.setOutcomeDesc(e.outcomeReason());
        if (e.purpose() != null) {
            fhir.addPurposeOfEvent(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason",
                    e.purpose(), null)));
        }
        var agent = fhir.addAgent().setRequestor(true);
        agent.setWho(new Reference().setDisplay(e.actor()).setIdentifier(new org.hl7.fhir.r4.model.Identifier()
                .setSystem(e.actorType() == AuditEvent.ActorType.SYSTEM ? "https://careweave.org/fhir/Id/client-id"
                        : "https://careweave.org/fhir/Id/username").setValue(e.actor())));
        if (e.roles() != null && !e.roles().isEmpty()) {
            for (String role : e.roles().split(",")) {
                agent.addRole(new CodeableConcept(new Coding(DirectoryMapper.ROLE_SYSTEM, role, null)));
            }
        }
        if (e.client() != null) {
            agent.getNetwork().setAddress(e.client()).setType(
                    org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkType._2);
        }
        fhir.getSource().setObserver(new Reference().setDisplay("CareWeave"))
                .addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4",
                        "Application Server"));
        if (e.personId() != null) {
            fhir.addEntity().setWhat(new Reference("Patient/" + e.personId()))
                    .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"))
                    .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"));
        }
        if (e.entityType() != null) {
            var data = fhir.addEntity()
                    .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"))
                    .setName(e.entityType());
            if (e.entityId() != null) {
                data.setWhat(new Reference(e.entityType() + "/" + e.entityId()));
            }
            if (e.query() != null && !e.query().isEmpty()) {
                data.setQuery(e.query().getBytes(StandardCharsets.UTF_8));
            }
        }
        return fhir;
    }

    private static String subtype(AuditEvent.Action action) {
        return switch (action) {
            case READ -> "read";
            case SEARCH -> "search-type";
            case CREATE, BREAK_GLASS -> "create";
            case UPDATE, REVIEW -> "update";
            case DELETE -> "delete";
            case EXPORT, AUTHENTICATE -> "operation";
        };
    }
}
