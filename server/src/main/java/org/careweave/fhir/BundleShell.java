package org.careweave.fhir;

import java.util.function.Consumer;

import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.core.JsonGenerator;

/**
 * A search-set Bundle's own elements in JSON, as HAPI's encoder writes them, written directly: its id, meta.lastUpdated,
 * type, total, links and, per entry, fullUrl, resource and search mode, which is all CareWeave puts in one. HAPI's
 * encoder first built a tree of the whole Bundle and checked every reference for resources to contain, which cost
 * about as much as copying all the stored resources in it.
 */
final class BundleShell {

    private BundleShell() {
    }

    /**
     * Whether the Bundle holds nothing but what {@link #write} writes, so that HAPI would write the same: no other
     * element, and no id or extension on those it writes (HAPI would write a primitive's as {@code _name}).
     */
    static boolean writable(Bundle bundle) {
        Meta meta = bundle.getMeta();
        if (bundle.hasIdentifier() || bundle.hasTimestamp() || bundle.hasSignature() || bundle.hasImplicitRules()
                || bundle.hasLanguage() || bundle.getIdElement().hasVersionIdPart() || meta.hasVersionId()
                || meta.hasSource() || meta.hasProfile() || meta.hasSecurity() || meta.hasTag()
                || decorated(bundle.getIdElement(), meta, meta.getLastUpdatedElement(), bundle.getTypeElement(),
                        bundle.getTotalElement())) {
            return false;
        }
        for (Bundle.BundleLinkComponent link : bundle.getLink()) {
            if (link.hasModifierExtension() || decorated(link, link.getRelationElement(), link.getUrlElement())) {
                return false;
            }
        }
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Bundle.BundleEntrySearchComponent search = entry.getSearch();
            if (entry.hasLink() || entry.hasRequest() || entry.hasResponse() || !entry.hasResource()
                    || search.hasScore() || entry.hasModifierExtension() || search.hasModifierExtension()
                    || decorated(entry, entry.getFullUrlElement(), search, search.getModeElement())) {
                return false;
            }
        }
        return true;
    }

    /** Whether any of the elements has an id or an extension. */
    private static boolean decorated(Element... elements) {
        for (Element element : elements) {
            if (element.hasId() || element.hasExtension()) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param stored  writes a stub's stored resource as the next value
     * @param encoder HAPI's parser for this request, for the resources that are not stored
     */
    static void write(JsonGenerator out, Bundle bundle, Consumer<Resource> stored, IParser encoder) {
        out.writeStartObject();
        out.writeStringProperty("resourceType", "Bundle");
        if (bundle.getIdElement().hasIdPart()) {
            out.writeStringProperty("id", bundle.getIdElement().getIdPart());
        }
        if (bundle.getMeta().hasLastUpdated()) {
            out.writeObjectPropertyStart("meta");
            out.writeStringProperty("lastUpdated", bundle.getMeta().getLastUpdatedElement().getValueAsString());
            out.writeEndObject();
        }
        if (bundle.hasType()) {
            out.writeStringProperty("type", bundle.getType().toCode());
        }
        if (bundle.hasTotal()) {
            out.writeNumberProperty("total", bundle.getTotal());
        }
        if (bundle.hasLink()) {
            out.writeArrayPropertyStart("link");
            for (Bundle.BundleLinkComponent link : bundle.getLink()) {
                out.writeStartObject();
                if (link.hasRelation()) {
                    out.writeStringProperty("relation", link.getRelation());
                }
                if (link.hasUrl()) {
                    out.writeStringProperty("url", link.getUrl());
                }
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        if (bundle.hasEntry()) {
            out.writeArrayPropertyStart("entry");
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                entry(out, entry, stored, encoder);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private static void entry(JsonGenerator out, Bundle.BundleEntryComponent entry, Consumer<Resource> stored,
                              IParser encoder) {
        out.writeStartObject();
        if (entry.hasFullUrl()) {
            out.writeStringProperty("fullUrl", entry.getFullUrl());
        }
        out.writeName("resource");
        if (StoredResource.of(entry.getResource()) != null) {
            stored.accept(entry.getResource());
        } else {
            out.writeRawValue(encoder.encodeResourceToString(entry.getResource()));
        }
        if (entry.getSearch().hasMode()) {
            out.writeObjectPropertyStart("search");
            out.writeStringProperty("mode", entry.getSearch().getMode().toCode());
            out.writeEndObject();
        }
        out.writeEndObject();
    }
}
