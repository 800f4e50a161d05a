package org.careweave.adt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;

import ca.uhn.fhir.context.FhirContext;
import org.careweave.person.NhsNumber;
import org.careweave.record.IncomingItem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * A visit as a UK Core Encounter (built with HAPI FHIR's R4 model), and the record item that carries it. The
 * visit number is the item's source id, so every message about a visit updates one encounter.
 */
final class EncounterResource {

    static final String PROFILE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Encounter";
    static final String VISIT_NUMBER_SYSTEM = "https://careweave.org/Id/hl7v2-visit-number/";
    private static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private EncounterResource() {
    }

    static IncomingItem item(long personId, String hospitalOdsCode, String visitNumber, String nhsNumber,
                             VisitState visit) {
        EncounterKind kind = EncounterKind.of(visit.patientClass, visit.admissionType);
        Encounter encounter = new Encounter();
        encounter.getMeta().addProfile(PROFILE);
        encounter.addIdentifier(new Identifier().setSystem(VISIT_NUMBER_SYSTEM + hospitalOdsCode).setValue(visitNumber));
        encounter.setStatus(Encounter.EncounterStatus.fromCode(visit.status));
        encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", kind.actCode,
                kind.actDisplay));
        encounter.addType(new CodeableConcept(new Coding(SNOMED, kind.snomedCode, kind.snomedDisplay)));
        if (kind.isEmergency()) {
            encounter.setPriority(new CodeableConcept(new Coding(
                    "http://terminology.hl7.org/CodeSystem/v3-ActPriority", "EM", "emergency")));
        }
        if (nhsNumber != null) {
            encounter.setSubject(new Reference().setIdentifier(new Identifier().setSystem(NhsNumber.SYSTEM)
                    .setValue(nhsNumber)));
        }
        Period period = new Period();
        if (visit.start != null) {
            period.setStart(Date.from(visit.start));
        }
        if (visit.end != null && "finished".equals(visit.status)) {
            period.setEnd(Date.from(visit.end));
        }
        encounter.setPeriod(period);
        hospitalization(encounter, visit);
        if (visit.ward != null) {
            encounter.addLocation().setLocation(new Reference().setDisplay(visit.ward));
        }
        encounter.setServiceProvider(new Reference().setIdentifier(new Identifier().setSystem(ODS)
                .setValue(hospitalOdsCode)));
        byte[] json = FHIR.newJsonParser().encodeResourceToString(encounter).getBytes(StandardCharsets.UTF_8);
        return new IncomingItem(personId, "Encounter", kind.category, SNOMED, kind.snomedCode, kind.snomedDisplay,
                visit.status, visit.start, "finished".equals(visit.status) ? visit.end : null, null, null, null,
                visitNumber, null, json, sha256(json));
    }

    private static void hospitalization(Encounter encounter, VisitState visit) {
        if (visit.admitSource != null) {
            encounter.getHospitalization().setAdmitSource(new CodeableConcept(new Coding(
                    "https://fhir.hl7.org.uk/CodeSystem/UKCore-SourceOfAdmissionEngland", visit.admitSource, null)));
        }
        if (visit.dischargeDisposition != null && "finished".equals(visit.status)) {
            encounter.getHospitalization().setDischargeDisposition(new CodeableConcept(new Coding(
                    "https://fhir.hl7.org.uk/CodeSystem/UKCore-DischargeDestinationEngland",
                    visit.dischargeDisposition, null)));
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
