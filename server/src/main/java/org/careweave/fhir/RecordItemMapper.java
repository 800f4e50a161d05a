package org.careweave.fhir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import org.careweave.record.RecordItem;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * A record item as FHIR: the resource exactly as the partner sent it when there is one (with CareWeave's id and
 * references; served from a stub, see {@link StoredResource}), otherwise built from the typed columns. Either way
 * meta.source names the recording organisation.
 */
@Component
class RecordItemMapper {

    /** Record items of these types are served as {@code Type/r<id>}: the platform's own teams and consents use the plain ids. */
    private static final Set<String> PREFIXED = Set.of("CareTeam", "Consent");
    static final String PREFIX = "r";

    private final FhirContext fhir;
    private final ReferenceRewriter references;

    RecordItemMapper(FhirContext fhir, ReferenceRewriter references) {
        this.fhir = fhir;
        this.references = references;
    }

    /**
     * Served items: stubs of stored resources (see {@link StoredResource}) and resources built from columns.
     *
     * @param referenced the served {@code Type/d<n>} of every shared resource a rewritten reference names, for
     *                   {@code _include}; not those a Provenance names, whose targets are every resource of the
     *                   bundle it records (a Synthea page grew by up to 220 KB of Medications that way), each
     *                   included with the items that use it instead
     */
    record Served(List<Resource> resources, Set<String> referenced) {
    }

    Served serve(List<RecordItem> items) {
        List<ReferenceRewriter.Sent> sent = items.stream().map(RecordItemMapper::sent).toList();
        List<ReferenceRewriter.Sent> storedOnly = sent.stream().filter(Objects::nonNull).toList();
        Iterator<Map<String, String>> rewritten = storedOnly.isEmpty() ? Collections.emptyIterator()
                : references.served(storedOnly).iterator();
        List<Resource> resources = new ArrayList<>(items.size());
        Set<String> referenced = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            RecordItem item = items.get(i);
            ReferenceRewriter.Sent one = sent.get(i);
            Resource resource;
            if (one != null) {
                StoredResource stored = new StoredResource(one.json(), one.servedCopy(), rewritten.next());
                if (!"Provenance".equals(item.resourceType())) {
                    stored.references().values().stream().filter(SharedResources::isSharedReference)
                            .forEach(referenced::add);
                }
                resource = StoredResource.stub(fhir, item.resourceType(), stored);
            } else {
                resource = fromColumns(item);
            }
            stamp(resource, item);
            resources.add(resource);
        }
        return new Served(resources, referenced);
    }

    /** A stored item as it goes to be served (its served copy when it has one), or null for one built from columns. */
    private static ReferenceRewriter.Sent sent(RecordItem item) {
        if (item.servedCopy() != null) {
            return new ReferenceRewriter.Sent(item.servedCopy(), true, item.sourceOrganisationId());
        }
        return item.resourceJson() == null ? null
                : new ReferenceRewriter.Sent(item.resourceJson(), false, item.sourceOrganisationId());
    }

    /** One item as a whole HAPI resource, for answers HAPI does not render in a request (rest-hook notifications). */
    Resource toFhir(RecordItem item) {
        return StoredResource.materialized(fhir, serve(List.of(item)).resources().get(0));
    }

    static String servedId(String resourceType, long id) {
        return (prefixed(resourceType) ? PREFIX : "") + id;
    }

    /** Whether items of this type are served with {@link #PREFIX} before their id. */
    private static boolean prefixed(String resourceType) {
        return PREFIXED.contains(resourceType);
    }

    /**
     * A reference to what CareWeave holds ({@code Type/id}: a record item, a patient or a shared resource) as served:
     * record items of the prefixed types get their served id ({@code CareTeam/r1}); everything else is served as it
     * is, and returned without being rebuilt, as a Provenance may name thousands.
     */
    static String servedReference(String target) {
        for (String type : PREFIXED) {
            int slash = type.length();
            if (target.startsWith(type) && target.length() > slash + 1 && target.charAt(slash) == '/'
                    && Character.isDigit(target.charAt(slash + 1))) {
                return type + "/" + PREFIX + target.substring(slash + 1);
            }
        }
        return target;
    }

    /** The item id in a served id, or null when the id is not one of a record item of this type. */
    static Long itemId(String resourceType, String servedId) {
        String digits = prefixed(resourceType)
                ? (servedId.startsWith(PREFIX) ? servedId.substring(PREFIX.length()) : "") : servedId;
        return digits.matches("\\d{1,18}") ? Long.parseLong(digits) : null;
    }

    private static void stamp(Resource resource, RecordItem item) {
        StoredResource.stamp(resource, item.resourceType(), servedId(item.resourceType(), item.id()), item.version(),
                item.receivedAt(), item.sourceOrganisationId());
    }

    private static Resource fromColumns(RecordItem item) {
        Reference patient = new Reference("Patient/" + item.personId());
        CodeableConcept code = new CodeableConcept(new Coding(item.codeSystem(), item.code(), item.display()));
        return switch (item.resourceType()) {
            case "Condition" -> new Condition().setSubject(patient).setCode(code)
                    .setClinicalStatus(new CodeableConcept(new Coding(
                            "http://terminology.hl7.org/CodeSystem/condition-clinical",
                            item.end() == null ? "active" : "resolved", null)))
                    .setOnset(item.start() == null ? null : new DateTimeType(Date.from(item.start())))
                    .addCategory(new CodeableConcept(new Coding(
                            "http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item",
                            "Problem List Item")));
            case "MedicationStatement" -> new MedicationStatement().setSubject(patient).setMedication(code)
                    .setStatus(item.end() == null ? MedicationStatement.MedicationStatementStatus.ACTIVE
                            : MedicationStatement.MedicationStatementStatus.COMPLETED)
                    .setEffective(period(item));
            case "Encounter" -> encounter(item, patient, code);
            case "EpisodeOfCare" -> new EpisodeOfCare().setPatient(patient).addType(code)
                    .setStatus(item.end() == null ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE
                            : EpisodeOfCare.EpisodeOfCareStatus.FINISHED)
                    .setManagingOrganization(new Reference("Organization/" + item.sourceOrganisationId()))
                    .setPeriod(period(item));
            case "AllergyIntolerance" -> new AllergyIntolerance().setPatient(patient).setCode(code)
                    .setClinicalStatus(new CodeableConcept(new Coding(
                            "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                            item.end() == null ? "active" : "resolved", null)));
            case "Observation" -> new Observation().setSubject(patient).setCode(code)
                    .setStatus(Observation.ObservationStatus.FINAL)
                    .setEffective(item.start() == null ? null : new DateTimeType(Date.from(item.start())))
                    .setValue(item.value() == null ? null : new Quantity().setValue(item.value()).setUnit(item.unit()));
            default -> throw new IllegalStateException("No FHIR mapping for stored " + item.resourceType());
        };
    }

    private static Encounter encounter(RecordItem item, Reference patient, CodeableConcept code) {
        String actClass = switch (item.category()) {
            case "emergency-admission", "elective-admission" -> "IMP";
            case "ae-attendance" -> "EMER";
            case "home-visit" -> "HH";
            default -> "AMB";
        };
        return new Encounter().setSubject(patient).addType(code)
                .setStatus(item.end() == null && actClass.equals("IMP") ? Encounter.EncounterStatus.INPROGRESS
                        : Encounter.EncounterStatus.FINISHED)
                .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", actClass, null))
                .setPeriod(period(item))
                .setServiceProvider(new Reference("Organization/" + item.sourceOrganisationId()));
    }

    private static Period period(RecordItem item) {
        Period period = new Period();
        if (item.start() != null) {
            period.setStart(Date.from(item.start()));
        }
        if (item.end() != null) {
            period.setEnd(Date.from(item.end()));
        }
        return period;
    }
}
