package org.careweave.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.careweave.access.AccessContext;
import org.careweave.access.Callers;
import org.careweave.access.Purpose;
import org.careweave.record.PersonRecords;
import org.careweave.record.RecordPage;
import org.careweave.record.RecordQuery;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a search through one person's record as a search-set Bundle: one policy decision and audit event per
 * call, one statement for the items and the policy's facts, one for the references inside them; all in one
 * read-only transaction, so a search takes one connection from the pool once, with plans PostgreSQL keeps.
 */
@Component
class RecordSearch {

    /** The reference search parameters {@code _include} follows: to the patient, and to shared Medication resources. */
    static final Set<String> INCLUDES = Set.of("patient", "subject", "medication");

    private final FhirContext fhir;
    private final PersonRecords records;
    private final Callers callers;
    private final RecordItemMapper mapper;
    private final SharedResources shared;
    private final JdbcClient jdbc;

    RecordSearch(FhirContext fhir, PersonRecords records, Callers callers, RecordItemMapper mapper,
                 SharedResources shared, JdbcClient jdbc) {
        this.fhir = fhir;
        this.records = records;
        this.callers = callers;
        this.mapper = mapper;
        this.shared = shared;
        this.jdbc = jdbc;
    }

    /**
     * Every statement of a search is keyed on one person or on a list of ids, so one plan fits every call. Left to
     * choose, PostgreSQL planned the page and the reference lookup again on every call (1 to 2 ms each, more than
     * running them), because the plan it keeps is costed for a person of average size. For this transaction only.
     */
    private void genericPlans() {
        jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
    }

    FhirContext fhir() {
        return fhir;
    }

    @Transactional(readOnly = true)
    Bundle answer(RequestDetails request, RecordQuery query, List<String> includes) {
        genericPlans();
        AccessContext who = callers.current(Purpose.DIRECT_CARE);
        if (SearchParameters.summaryCount(request.getParameters())) {
            long total = FhirErrors.translated(() -> records.count(who, query));
            Bundle bundle = SearchBundles.searchset(request);
            bundle.setTotal((int) Math.min(total, Integer.MAX_VALUE));
            return bundle;
        }
        RecordPage page = FhirErrors.translated(() -> records.page(who, query));
        RecordItemMapper.Served served = mapper.serve(page.items());
        Bundle bundle = SearchBundles.searchset(request);
        bundle.setTotal((int) Math.min(page.total(), Integer.MAX_VALUE));
        served.resources().forEach(r -> SearchBundles.add(bundle, request, r, Bundle.SearchEntryMode.MATCH));
        if (!served.resources().isEmpty()) {
            include(bundle, request, page, served, includes);
        }
        SearchBundles.addWithheld(bundle, page.withheld(), query.resourceType());
        SearchBundles.addPaging(bundle, request, page.next(), page.previous());
        return bundle;
    }

    /** Patient/{id}/$everything: the person (on the first page), then every item they may see, newest first. */
    @Transactional(readOnly = true)
    Bundle everything(RequestDetails request, RecordQuery query) {
        genericPlans();
        AccessContext who = callers.current(Purpose.DIRECT_CARE);
        RecordPage page = FhirErrors.translated(() -> records.page(who, query));
        RecordItemMapper.Served served = mapper.serve(page.items());
        Bundle bundle = SearchBundles.searchset(request);
        bundle.setTotal((int) Math.min(page.total() + (page.demographicsVisible() ? 1 : 0), Integer.MAX_VALUE));
        if (query.cursor() == null && page.demographicsVisible()) {
            SearchBundles.add(bundle, request, PatientMapper.toFhir(page.person()), Bundle.SearchEntryMode.MATCH);
        }
        served.resources().forEach(r -> SearchBundles.add(bundle, request, r, Bundle.SearchEntryMode.MATCH));
        includeShared(bundle, request, served, "");
        OperationOutcome outcome = SearchBundles.withheldOutcome(page.withheld(), null);
        if (query.cursor() == null && !page.demographicsVisible()) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                    .setCode(OperationOutcome.IssueType.SUPPRESSED)
                    .setDiagnostics("The Patient resource is withheld: " + withoutDemographics());
        }
        if (outcome.hasIssue()) {
            SearchBundles.addOutcome(bundle, outcome);
        }
        SearchBundles.addPaging(bundle, request, page.next(), page.previous());
        return bundle;
    }

    /** One record item by its served id, through the policy; a withheld item is refused (403), not hidden. */
    @Transactional(readOnly = true)
    org.hl7.fhir.r4.model.Resource read(String type, org.hl7.fhir.r4.model.IdType id) {
        Long itemId = RecordItemMapper.itemId(type, id.getIdPart());
        if (itemId == null) {
            throw new ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException(type + "/" + id.getIdPart()
                    + " does not exist");
        }
        genericPlans();
        org.careweave.record.RecordItem item = FhirErrors.translated(() -> records.item(
                        callers.current(Purpose.DIRECT_CARE), itemId, type)
                .orElseThrow(() -> new ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException(type + "/"
                        + id.getIdPart() + " does not exist")));
        if (id.hasVersionIdPart() && !id.getVersionIdPart().equals(Integer.toString(item.version()))) {
            throw new ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException(type + "/" + id.getIdPart()
                    + " has no version " + id.getVersionIdPart() + "; CareWeave keeps the current version, "
                    + item.version());
        }
        return mapper.serve(List.of(item)).resources().get(0);
    }

    private void include(Bundle bundle, RequestDetails request, RecordPage page, RecordItemMapper.Served served,
                         List<String> includes) {
        if (includes.contains("patient") || includes.contains("subject")) {
            if (page.demographicsVisible()) {
                SearchBundles.add(bundle, request, PatientMapper.toFhir(page.person()), Bundle.SearchEntryMode.INCLUDE);
            } else {
                OperationOutcome outcome = new OperationOutcome();
                outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                        .setCode(OperationOutcome.IssueType.SUPPRESSED)
                        .setDiagnostics("The included Patient is withheld: " + withoutDemographics());
                SearchBundles.addOutcome(bundle, outcome);
            }
        }
        if (includes.contains("medication")) {
            includeShared(bundle, request, served, "Medication/");
        }
    }

    /**
     * Adds, as included entries, the shared resources (practitioners, organisations, locations, medications) the
     * page's items refer to, of the type that {@code typePrefix} starts (all of them when empty). {@code $everything}
     * includes them all, as the operation asks for what the patient's resources refer to.
     */
    private void includeShared(Bundle bundle, RequestDetails request, RecordItemMapper.Served served,
                               String typePrefix) {
        List<Long> ids = new ArrayList<>();
        for (String target : served.referenced()) {
            int slash = target.indexOf('/');
            Long id = target.startsWith(typePrefix) && slash > 0
                    ? SharedResources.idOf(target.substring(slash + 1)) : null;
            if (id != null) {
                ids.add(id);
            }
        }
        shared.byIds(ids).forEach(resource -> SearchBundles.add(bundle, request, resource,
                Bundle.SearchEntryMode.INCLUDE));
    }

    static String withoutDemographics() {
        return "a system client without a care relationship sees only what its own organisation recorded, "
                + "not who the person is";
    }
}
