package org.careweave.fhir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.careweave.record.RecordQuery;
import org.careweave.record.WithheldItems;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/** Search-set Bundles: matches, includes, the withheld report as an outcome entry, and keyset paging links. */
final class SearchBundles {

    private SearchBundles() {
    }

    static Bundle searchset(RequestDetails request) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.getMeta().setLastUpdated(new Date());
        bundle.addLink().setRelation("self").setUrl(request.getCompleteUrl());
        return bundle;
    }

    static void add(Bundle bundle, RequestDetails request, Resource resource, Bundle.SearchEntryMode mode) {
        bundle.addEntry().setFullUrl(request.getFhirServerBase() + "/" + resource.fhirType() + "/"
                        + resource.getIdElement().getIdPart())
                .setResource(resource).getSearch().setMode(mode);
    }

    /**
     * Says how many of the person's items of the searched type the policy withholds and why, as an outcome entry;
     * nothing if none.
     *
     * @param resourceType the searched type, or null for the whole record
     */
    static void addWithheld(Bundle bundle, List<WithheldItems> withheld, String resourceType) {
        if (withheld.isEmpty()) {
            return;
        }
        addOutcome(bundle, withheldOutcome(withheld, resourceType));
    }

    /** An outcome entry; it has no id on this server, so its fullUrl is a fresh urn:uuid, as its id. */
    static void addOutcome(Bundle bundle, OperationOutcome outcome) {
        String id = java.util.UUID.randomUUID().toString();
        outcome.setId(id);
        bundle.addEntry().setFullUrl("urn:uuid:" + id).setResource(outcome).getSearch()
                .setMode(Bundle.SearchEntryMode.OUTCOME);
    }

    /**
     * The withheld report: the count covers the person's items of the type, whatever the search's other
     * parameters, which withheld items never meet (so their count cannot tell what they hold).
     */
    static OperationOutcome withheldOutcome(List<WithheldItems> withheld, String resourceType) {
        OperationOutcome outcome = new OperationOutcome();
        String scope = resourceType == null ? "in the person's record" : "among the person's " + resourceType
                + " resources";
        for (WithheldItems group : withheld) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                    .setCode(OperationOutcome.IssueType.SUPPRESSED)
                    .setDiagnostics(group.count() + " " + group.categoryLabel() + " item(s) from "
                            + group.sourceOrganisationName() + " " + scope + " withheld: "
                            + group.reason().explanation() + "; the search does not look at them");
        }
        return outcome;
    }

    /** Next and previous links: the same request with the cursor where the neighbouring page starts. */
    static void addPaging(Bundle bundle, RequestDetails request, RecordQuery.Cursor next, RecordQuery.Cursor previous) {
        if (previous != null) {
            bundle.addLink().setRelation("previous").setUrl(pageUrl(request, previous));
        }
        if (next != null) {
            bundle.addLink().setRelation("next").setUrl(pageUrl(request, next));
        }
    }

    /** A next link to a page that the paging parameter (e.g. {@link SearchParameters#CASELOAD_FROM}) places. */
    static void addNext(Bundle bundle, RequestDetails request, String pagingParameter, String position) {
        bundle.addLink().setRelation("next").setUrl(pageUrl(request, pagingParameter, position));
    }

    private static String pageUrl(RequestDetails request, RecordQuery.Cursor cursor) {
        return pageUrl(request, SearchParameters.CURSOR, cursor.text());
    }

    private static String pageUrl(RequestDetails request, String pagingParameter, String position) {
        StringBuilder url = new StringBuilder(request.getFhirServerBase()).append('/').append(request.getRequestPath());
        char separator = '?';
        for (Map.Entry<String, String[]> parameter : request.getParameters().entrySet()) {
            if (parameter.getKey().equals(SearchParameters.CURSOR)
                    || parameter.getKey().equals(SearchParameters.CASELOAD_FROM)) {
                continue;
            }
            for (String value : parameter.getValue()) {
                url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(value));
                separator = '&';
            }
        }
        return url.append(separator).append(pagingParameter).append('=').append(position).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%7C", "|").replace("%2F", "/")
                .replace("%3A", ":").replace("%2C", ",");
    }
}
