package org.careweave.fhir;

import java.util.List;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.careweave.access.Purpose;
import org.careweave.access.Callers;
import org.careweave.record.PersonRecords;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/** Patient read and search, answered from the person index through the access policy. */
@Component
class PatientResourceProvider implements IResourceProvider {

    private final PersonRecords records;
    private final Callers callers;

    PatientResourceProvider(PersonRecords records, Callers callers) {
        this.records = records;
        this.callers = callers;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        long personId = FhirErrors.idOf(id.getIdPart(), "Patient");
        return FhirErrors.translated(() ->
                PatientMapper.toFhir(records.person(callers.current(Purpose.DIRECT_CARE), personId)));
    }

    /** Finds a person by NHS number; people the caller may not see are not found, rather than refused. */
    @Search
    public List<Patient> byIdentifier(@RequiredParam(name = Patient.SP_IDENTIFIER) TokenParam identifier) {
        if (identifier.getSystem() != null && !identifier.getSystem().isEmpty()
                && !PatientMapper.NHS_NUMBER_SYSTEM.equals(identifier.getSystem())) {
            return List.of();
        }
        String value = identifier.getValue() == null ? "" : identifier.getValue().replace(" ", "");
        if (!value.matches("\\d{10}")) {
            throw new InvalidRequestException("An NHS number is 10 digits; got '" + identifier.getValue() + "'");
        }
        return FhirErrors.translated(() -> records.findByNhsNumber(callers.current(Purpose.DIRECT_CARE), value)
                .map(PatientMapper::toFhir).stream().toList());
    }
}
