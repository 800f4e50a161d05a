package org.careweave.adt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import org.careweave.person.IncomingPatient;
import org.careweave.person.NhsNumber;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Patient;

/** The hospital's patient (PID) as the person index takes partners' patients: a UK Core Patient plus its facts. */
final class PatientResource {

    static final String LOCAL_ID_SYSTEM = "https://careweave.org/Id/hl7v2-patient-number/";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private PatientResource() {
    }

    /** @throws CannotApply naming the PID field the person index needs but the message lacks */
    static IncomingPatient of(AdtFacts.Patient pid, String hospitalOdsCode) {
        require(pid.familyName(), "PID-5.1 family name");
        require(pid.givenName(), "PID-5.2 given name");
        require(pid.birthDate(), "PID-7 date of birth");
        require(pid.sex(), "PID-8 administrative sex");
        List<IncomingPatient.Identifier> identifiers = new ArrayList<>();
        Patient patient = new Patient();
        patient.getMeta().addProfile("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient");
        if (pid.nhsNumber() != null) {
            identifiers.add(new IncomingPatient.Identifier(NhsNumber.SYSTEM, pid.nhsNumber()));
            patient.addIdentifier().setSystem(NhsNumber.SYSTEM).setValue(pid.nhsNumber());
        }
        if (pid.localId() != null) {
            identifiers.add(new IncomingPatient.Identifier(LOCAL_ID_SYSTEM + hospitalOdsCode, pid.localId()));
            patient.addIdentifier().setSystem(LOCAL_ID_SYSTEM + hospitalOdsCode).setValue(pid.localId());
        }
        patient.addName().setFamily(pid.familyName()).addGiven(pid.givenName());
        patient.getBirthDateElement().setValueAsString(pid.birthDate().toString());
        patient.setGender(Enumerations.AdministrativeGender.fromCode(pid.sex()));
        if (pid.addressLine() != null || pid.postcode() != null) {
            patient.addAddress().setPostalCode(pid.postcode()).addLine(pid.addressLine());
        }
        if (pid.deceasedDate() != null) {
            patient.setDeceased(new org.hl7.fhir.r4.model.DateTimeType(pid.deceasedDate().toString()));
        }
        String json = FHIR.newJsonParser().encodeResourceToString(patient);
        return new IncomingPatient(pid.sourceId(), null, identifiers, pid.givenName(), pid.familyName(),
                pid.birthDate(), pid.sex(), pid.addressLine(), pid.postcode(), pid.deceasedDate(), json,
                EncounterResource.sha256(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new CannotApply(field + " is missing; the person index needs it to match the patient");
        }
    }
}
