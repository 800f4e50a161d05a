package org.careweave.fhir;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
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
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Renders the answers that hold stored resources (see {@link StoredResource}), once the provider has decided and
 * audited them. A plain JSON answer, which is what nearly every client asks for, is written here: HAPI encodes the
 * Bundle without the stubs, and as that is copied to the response each stored resource is written into its entry,
 * copied token by token ({@link StoredJson}), so stored resources are never parsed into HAPI's model. The headers
 * are those HAPI writes for the same answer. Any other answer (XML, {@code _pretty}, {@code _summary},
 * {@code _elements}) is left to HAPI, with each stub replaced by its parsed resource.
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
        if (plainJson(request)) {
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
                bundle(request, bundle, out);
            } else {
                StoredJson.write(out, resource, request.getFhirServerBase());
            }
        }
        response.commitResponse(writer);
    }

    /**
     * HAPI's encoding of the Bundle without the stubs, copied with each stored resource written in its entry's place:
     * HAPI then encodes only the shell, the links and the resources that are not stored (a Patient, an outcome).
     */
    private void bundle(RequestDetails request, Bundle bundle, JsonGenerator out) {
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        List<Resource> stubs = new ArrayList<>(entries.size());
        String encoded;
        try {
            for (Bundle.BundleEntryComponent entry : entries) {
                Resource stub = StoredResource.of(entry.getResource()) != null ? entry.getResource() : null;
                stubs.add(stub);
                if (stub != null) {
                    entry.setResource(null);
                }
            }
            encoded = RestfulServerUtils.getNewParser(fhir, fhir.getVersion().getVersion(), request)
                    .encodeResourceToString(bundle);
        } finally {
            for (int i = 0; i < stubs.size(); i++) {
                if (stubs.get(i) != null) {
                    entries.get(i).setResource(stubs.get(i));
                }
            }
        }
        try (JsonParser in = StoredJson.FACTORY.createParser(encoded)) {
            TokenCopy copy = new TokenCopy(in, out, TokenCopy.References.AS_WRITTEN);
            in.nextToken();
            out.writeStartObject();
            String name;
            while ((name = in.nextName()) != null) {
                JsonToken value = in.nextToken();
                out.writeName(name);
                if (name.equals("entry")) {
                    entries(in, out, stubs, copy, request.getFhirServerBase());
                } else {
                    copy.value(value, name);
                }
            }
            out.writeEndObject();
        }
    }

    /**
     * The entry array, one encoded entry per Bundle entry, in order, with each stored resource written where FHIR
     * puts {@code resource} in an entry: after {@code link} and {@code fullUrl}, before {@code search}.
     */
    private static void entries(JsonParser in, JsonGenerator out, List<Resource> stubs, TokenCopy copy,
                                String serverBase) {
        out.writeStartArray();
        for (Resource stub : stubs) {
            in.nextToken();
            out.writeStartObject();
            boolean pending = stub != null;
            String name;
            while ((name = in.nextName()) != null) {
                JsonToken value = in.nextToken();
                if (pending && !name.equals("link") && !name.equals("fullUrl")) {
                    resource(out, stub, serverBase);
                    pending = false;
                }
                out.writeName(name);
                copy.value(value, name);
            }
            if (pending) {
                resource(out, stub, serverBase);
            }
            out.writeEndObject();
        }
        in.nextToken();
        out.writeEndArray();
    }

    private static void resource(JsonGenerator out, Resource stub, String serverBase) {
        out.writeName("resource");
        StoredJson.write(out, stub, serverBase);
    }
}
