package org.careweave.fhir;

import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.careweave.access.Purpose;
import org.careweave.access.Callers;
import org.careweave.record.PersonRecord;
import org.careweave.record.PersonRecords;
import org.careweave.record.RecordFilter;
import org.careweave.record.WithheldItems;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * Read and search by patient for one kind of record item. Items hidden by the access policy are reported in an
 * OperationOutcome entry (search mode "outcome") that says how many and why, rather than silently left out.
 */
class RecordItemResourceProvider implements IResourceProvider {

    /**
     * The kinds of record item served over FHIR, one provider each; EpisodeOfCare items are served by
     * {@link EpisodeOfCareResourceProvider} together with caseload episodes.
     */
    static final List<Class<? extends Resource>> TYPES = List.of(Condition.class, MedicationStatement.class,
            Encounter.class, AllergyIntolerance.class, Observation.class);

    private final Class<? extends Resource> type;
    private final PersonRecords records;
    private final Callers callers;
    private final RecordItemMapper mapper;

    RecordItemResourceProvider(Class<? extends Resource> type, PersonRecords records, Callers callers,
                               RecordItemMapper mapper) {
        this.type = type;
        this.records = records;
        this.callers = callers;
        this.mapper = mapper;
    }

    @Override
    public Class<? extends Resource> getResourceType() {
        return type;
    }

    private String typeName() {
        return type.getSimpleName();
    }

    @Read
    public Resource read(@IdParam IdType id) {
        long itemId = FhirErrors.idOf(id.getIdPart(), typeName());
        return FhirErrors.translated(() -> records.item(callers.current(Purpose.DIRECT_CARE), itemId, typeName())
                .map(mapper::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException(typeName() + "/" + id.getIdPart() + " does not exist")));
    }

    @Search
    public List<IBaseResource> byPatient(@RequiredParam(name = "patient") ReferenceParam patient) {
        long personId = FhirErrors.idOf(patient.getIdPart(), "Patient");
        PersonRecord record = FhirErrors.translated(() -> records.view(callers.current(Purpose.DIRECT_CARE), personId,
                RecordFilter.ofType(typeName())));
        List<IBaseResource> found = new ArrayList<>();
        record.items().forEach(item -> found.add(mapper.toFhir(item)));
        if (!record.withheld().isEmpty()) {
            found.add(withheldOutcome(record.withheld()));
        }
        return found;
    }

    private static OperationOutcome withheldOutcome(List<WithheldItems> withheld) {
        OperationOutcome outcome = new OperationOutcome();
        for (WithheldItems group : withheld) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                    .setCode(OperationOutcome.IssueType.SUPPRESSED)
                    .setDiagnostics(group.count() + " " + group.categoryLabel() + " item(s) from " + group.sourceOrganisationName() + " withheld: "
                            + group.reason().explanation());
        }
        ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(outcome, BundleEntrySearchModeEnum.OUTCOME);
        return outcome;
    }
}
