package org.careweave.fhir;

import java.sql.Date;

import org.careweave.person.NhsNumber;
import org.careweave.person.PersonDetails;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/** A person in the UK Core Patient shape. */
final class PatientMapper {

    static final String NHS_NUMBER_SYSTEM = NhsNumber.SYSTEM;
    static final String UK_CORE_PATIENT = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient";
    private static final String VERIFICATION_EXTENSION =
            "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus";
    private static final String VERIFICATION_SYSTEM =
            "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland";
    private static final String ETHNIC_EXTENSION = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory";
    private static final String ETHNIC_SYSTEM = "https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland";

    private PatientMapper() {
    }

    static Patient toFhir(PersonDetails person) {
        Patient patient = new Patient();
        patient.setId(Long.toString(person.id()));
        patient.getMeta().addProfile(UK_CORE_PATIENT);
        if (person.nhsNumber() != null) {
            Identifier nhs = patient.addIdentifier().setSystem(NHS_NUMBER_SYSTEM).setValue(person.nhsNumber());
            boolean verified = person.nhsNumberVerified();
            nhs.addExtension(new Extension(VERIFICATION_EXTENSION, new CodeableConcept(new Coding(VERIFICATION_SYSTEM,
                    verified ? "01" : "02", verified ? "Number present and verified" : "Number present but not traced"))));
        }
        patient.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily(person.familyName())
                .addGiven(person.givenName()));
        patient.setGender(switch (person.sex()) {
            case "female" -> Enumerations.AdministrativeGender.FEMALE;
            case "male" -> Enumerations.AdministrativeGender.MALE;
            case "other" -> Enumerations.AdministrativeGender.OTHER;
            default -> Enumerations.AdministrativeGender.UNKNOWN;
        });
        patient.setBirthDate(Date.valueOf(person.birthDate()));
        if (person.deceasedDate() != null) {
            patient.setDeceased(new DateTimeType(Date.valueOf(person.deceasedDate())));
        }
        if (person.addressLine() != null || person.postcode() != null) {
            patient.addAddress().addLine(person.addressLine()).setPostalCode(person.postcode());
        }
        if (person.registeredPracticeId() != null) {
            patient.addGeneralPractitioner(new Reference("Organization/" + person.registeredPracticeId()));
        }
        if (person.ethnicCategory() != null) {
            patient.addExtension(new Extension(ETHNIC_EXTENSION,
                    new CodeableConcept(new Coding(ETHNIC_SYSTEM, person.ethnicCategory(), null))));
        }
        return patient;
    }
}
