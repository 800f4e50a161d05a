package org.careweave.fhir;

import java.io.IOException;
import java.io.Writer;
import java.util.Date;
import java.util.List;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.api.server.IRestfulResponse;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.ETagSupportEnum;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.method.ElementsParameter;
import ca.uhn.fhir.util.DateUtils;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.core.JsonGenerator;

/**
 * Renders the answers that hold stored resources (see {@link StoredResource}), once the provider has decided and
 * audited them. A plain JSON answer, which is what nearly every client asks for, is written here: the Bundle's own
 * elements directly ({@link BundleShell}), each stored resource copied into its entry ({@link StoredJson}), so stored
 * resources are never parsed into HAPI's model, and HAPI encodes only the resources that are not stored (a Patient,
 * an outcome). The headers are those HAPI writes for the same answer. Any other answer (XML, {@code _pretty},
 * {@code _summary}, {@code _elements}, a Bundle with elements CareWeave does not set) is left to HAPI, with each stub
 * replaced by its parsed resource.
 */
@Interceptor
class PlainJsonAnswers {

    private final FhirContext fhir;

    PlainJsonAnswers(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** @return false when the answer has been written here */
    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public boolean answer(RequestDetails request, ResponseDetails response) throws IOException {
        IBaseResource resource = response.getResponseResource();
        List<Bundle.BundleEntryComponent> entries = resource instanceof Bundle bundle ? bundle.getEntry() : List.of();
        if (StoredResource.of(resource) == null
                && entries.stream().noneMatch(entry -> StoredResource.of(entry.getResource()) != null)) {
            return true;
        }
        if (plainJson(request) && (!(resource instanceof Bundle bundle) || BundleShell.writable(bundle))) {
            write(request, (Resource) resource);
            return false;
        }
        if (resource instanceof Bundle) {
            entries.forEach(entry -> entry.setResource(StoredResource.materialized(fhir, entry.getResource())));
        } else {
            response.setResponseResource(StoredResource.materialized(fhir, (Resource) resource));
        }
        return true;
    }

    /** Whether HAPI would answer in compact JSON with every element: the one rendering reproduced here. */
    private static boolean plainJson(RequestDetails request) {
        return request.getRequestType() == RequestTypeEnum.GET
                && RestfulServerUtils.determineResponseEncodingWithDefault(request).getEncoding() == EncodingEnum.JSON
                && !RestfulServerUtils.prettyPrintResponse(request.getServer(), request)
                && RestfulServerUtils.determineSummaryMode(request).equals(Set.of(SummaryEnum.FALSE))
                && ElementsParameter.getElementsValueOrNull(request, false) == null
                && ElementsParameter.getElementsValueOrNull(request, true) == null;
    }

    /** As {@link RestfulServerUtils#streamResponseAsResource} writes a JSON answer, with a read's headers for a read. */
    private void write(RequestDetails request, Resource resource) throws IOException {
        IRestfulResponse response = request.getResponse();
        if (!(resource instanceof Bundle)) {
            response.addHeader(Constants.HEADER_CONTENT_LOCATION, RestfulServerUtils.fullyQualifyResourceIdOrReturnNull(
                    request.getServer(), resource, request.getFhirServerBase(), resource.getIdElement()).getValue());
            if (request.getServer().getETagSupport() == ETagSupportEnum.ENABLED) {
                response.addHeader(Constants.HEADER_ETAG, RestfulServerUtils.createEtag(resource.getMeta().getVersionId()));
            }
        }
        IPrimitiveType<Date> lastUpdated = RestfulServerUtils.extractLastUpdatedFromResource(resource);
        if (lastUpdated != null && !lastUpdated.isEmpty()) {
            response.addHeader(Constants.HEADER_LAST_MODIFIED, DateUtils.formatDate(lastUpdated.getValue()));
        }
        Writer writer = response.getResponseWriter(Constants.STATUS_HTTP_200_OK,
                RestfulServerUtils.determineResponseEncodingWithDefault(request).getResourceContentType(),
                Constants.CHARSET_NAME_UTF8, request.isRespondGzip());
        try (JsonGenerator out = StoredJson.FACTORY.createGenerator(writer)) {
            if (resource instanceof Bundle bundle) {
                BundleShell.write(out, bundle, stub -> StoredJson.write(out, stub, request.getFhirServerBase()),
                        RestfulServerUtils.getNewParser(fhir, fhir.getVersion().getVersion(), request));
            } else {
                StoredJson.write(out, resource, request.getFhirServerBase());
            }
        }
        response.commitResponse(writer);
    }
}
