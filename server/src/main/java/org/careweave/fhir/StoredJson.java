package org.careweave.fhir;

import java.util.Set;
import java.util.function.UnaryOperator;

import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a stored resource (see {@link StoredResource}) from its stub, copying the partner's JSON token by token:
 * resourceType and CareWeave's id first, meta merged where the partner wrote it (or last), everything else in the
 * partner's order with strings and numbers exactly as written, and each reference as served. Nothing is parsed into a
 * HAPI model; what comes out is what HAPI would encode for the parsed resource, once parsed again. A resource kept
 * with a served copy (see {@link ServedCopyJson}) is written from that instead.
 */
final class StoredJson {

    static final JsonFactory FACTORY = new JsonFactory();

    /** Meta elements CareWeave sets, with their primitive extensions, which it replaces too. */
    private static final Set<String> OWN_META = Set.of("versionId", "_versionId", "lastUpdated", "_lastUpdated",
            "source", "_source");

    private StoredJson() {
    }

    /**
     * @param serverBase this server's base URL: references HAPI would encode relative to it are written relative too
     */
    static void write(JsonGenerator out, Resource stub, String serverBase) {
        StoredResource stored = StoredResource.of(stub);
        UnaryOperator<String> served = written -> {
            String rewritten = stored.references().get(written);
            return rewritten != null ? rewritten : asHapiEncodes(written, serverBase);
        };
        if (stored.servedCopy()) {
            ServedCopyJson.write(out, stored.json(), stub, served);
            return;
        }
        try (JsonParser in = FACTORY.createParser(stored.json())) {
            in.nextToken();
            TokenCopy copy = new TokenCopy(in, out, (generator, written) -> generator.writeString(served.apply(written)));
            out.writeStartObject();
            out.writeStringProperty("resourceType", stub.fhirType());
            out.writeStringProperty("id", stub.getIdElement().getIdPart());
            if (!members(in, out, copy, () -> meta(in, out, stub.getMeta(), copy))) {
                meta(null, out, stub.getMeta(), copy);
            }
            out.writeEndObject();
        }
    }

    /**
     * Copies the sender's top-level members, from the parser on the resource's start to its end, but those CareWeave
     * writes itself (resourceType, id and meta). The first meta object is handed to {@code meta} instead, with the
     * parser on its start; any later one is dropped.
     *
     * @return whether the sender wrote a meta object
     */
    static boolean members(JsonParser in, JsonGenerator out, TokenCopy copy, Runnable meta) {
        boolean metaSeen = false;
        String name;
        while ((name = in.nextName()) != null) {
            JsonToken value = in.nextToken();
            if (name.equals("meta") && value == JsonToken.START_OBJECT && !metaSeen) {
                meta.run();
                metaSeen = true;
            } else if (name.equals("resourceType") || name.equals("id") || name.equals("_id") || name.equals("meta")) {
                in.skipChildren();
            } else {
                out.writeName(name);
                copy.value(value, name);
            }
        }
        return metaSeen;
    }

    /** CareWeave's meta elements, then the partner's others when {@code in} is on the partner's meta. */
    private static void meta(JsonParser in, JsonGenerator out, Meta own, TokenCopy copy) {
        out.writeObjectPropertyStart("meta");
        out.writeStringProperty("versionId", own.getVersionId());
        out.writeStringProperty("lastUpdated", own.getLastUpdatedElement().getValueAsString());
        out.writeStringProperty("source", own.getSource());
        if (in != null) {
            partnerMeta(in, out, copy);
        }
        out.writeEndObject();
    }

    /** The members of the partner's meta, but those CareWeave sets, from the parser on its start to its end. */
    static void partnerMeta(JsonParser in, JsonGenerator out, TokenCopy copy) {
        String name;
        while ((name = in.nextName()) != null) {
            JsonToken value = in.nextToken();
            if (OWN_META.contains(name)) {
                in.skipChildren();
            } else {
                out.writeName(name);
                copy.value(value, name);
            }
        }
    }

    /**
     * A reference CareWeave leaves as written, as HAPI's encoder writes it: without a version ({@code /_history/n}),
     * and relative when it is an absolute URL on this server. Served copies through HAPI and through here stay alike.
     */
    static String asHapiEncodes(String reference, String serverBase) {
        IdType id = new IdType(reference);
        if (id.getIdPart() == null || id.getIdPart().isBlank()) {
            return reference;
        }
        if (serverBase != null && !serverBase.isBlank() && serverBase.equals(id.getBaseUrl())) {
            return id.toUnqualifiedVersionless().getValue();
        }
        return id.toVersionless().getValue();
    }
}
