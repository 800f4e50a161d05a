package org.careweave.fhir;

import java.util.List;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.careweave.access.Callers;
import org.careweave.access.Purpose;
import org.careweave.record.PersonRecords;
import org.careweave.record.RecordQuery;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.springframework.stereotype.Component;

/** Patient read, search by identifier, and $everything, answered from the person index through the access policy. */
@Component
class PatientResourceProvider implements IResourceProvider {

    private final PersonRecords records;
    private final Callers callers;
    private final RecordSearch search;

    PatientResourceProvider(PersonRecords records, Callers callers, RecordSearch search) {
        this.records = records;
        this.callers = callers;
        this.search = search;
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

    /**
     * Finds a person by NHS number, or by an identifier a partner used for them (its hospital number, Synthea's id);
     * people the caller may not see are not found, rather than refused.
     */
    @Search
    public List<Patient> byIdentifier(@RequiredParam(name = Patient.SP_IDENTIFIER) TokenParam identifier) {
        String system = identifier.getSystem() == null || identifier.getSystem().isEmpty() ? null : identifier.getSystem();
        String value = identifier.getValue() == null ? "" : identifier.getValue().strip();
        if (value.isEmpty()) {
            throw new InvalidRequestException("identifier needs a value, as system|value or an NHS number");
        }
        if (system == null || PatientMapper.NHS_NUMBER_SYSTEM.equals(system)) {
            String digits = value.replace(" ", "");
            if (!digits.matches("\\d{10}")) {
                throw new InvalidRequestException("An NHS number is 10 digits; got '" + value
                        + "' (give system|value for another kind of identifier)");
            }
            return FhirErrors.translated(() -> records.findByNhsNumber(callers.current(Purpose.DIRECT_CARE), digits)
                    .map(PatientMapper::toFhir).stream().toList());
        }
        return FhirErrors.translated(() -> records.findByIdentifier(callers.current(Purpose.DIRECT_CARE), system, value)
                .stream().map(PatientMapper::toFhir).toList());
    }

    /**
     * Everything about the person the caller may see: the Patient, then every record item, newest first, in pages of
     * {@code _count} (default 20) with next and previous links; {@code _since} keeps items received since then.
     * Decided and audited once per call.
     */
    @Operation(name = "$everything", idempotent = true, bundleType = ca.uhn.fhir.model.valueset.BundleTypeEnum.SEARCHSET)
    public Bundle everything(@IdParam IdType id,
                             @OperationParam(name = "_count") UnsignedIntType count,
                             @OperationParam(name = "_since") InstantType since,
                             @OperationParam(name = SearchParameters.CURSOR) org.hl7.fhir.r4.model.StringType cursor,
                             RequestDetails request) {
        long personId = FhirErrors.idOf(id.getIdPart(), "Patient");
        int size = count == null ? SearchParameters.DEFAULT_COUNT : count.getValue();
        RecordQuery query = FhirErrors.translated(() -> RecordQuery.everything(personId,
                since == null ? null : since.getValue().toInstant(), size,
                cursor == null ? null : RecordQuery.Cursor.parse(cursor.getValue())));
        return search.everything(request, query);
    }
}
