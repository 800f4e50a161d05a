package org.careweave.fhir;

import java.util.Date;
import java.util.List;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.careweave.access.AccessIntent;
import org.careweave.access.AccessPolicy;
import org.careweave.access.Callers;
import org.careweave.access.Consents;
import org.careweave.access.DataCategory;
import org.careweave.access.Purpose;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * A person's sharing choices as FHIR Consent (privacy consent, after IHE PCF): an objection is a "deny" provision
 * naming the organisation or the data category, a permission for a sensitive category a "permit" provision with its
 * security label. Withdrawn choices are "inactive" with the end of their period.
 */
@Component
class ConsentResourceProvider implements IResourceProvider {

    static final String CATEGORY_SYSTEM = "https://careweave.org/fhir/CodeSystem/data-category";
    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private final Consents consents;
    private final AccessPolicy policy;
    private final Callers callers;

    private final RecordSearch records;

    ConsentResourceProvider(Consents consents, AccessPolicy policy, Callers callers, RecordSearch records) {
        this.consents = consents;
        this.policy = policy;
        this.callers = callers;
        this.records = records;
    }

    @Override
    public Class<Consent> getResourceType() {
        return Consent.class;
    }

    /** Sharing choices have plain ids; consents partners sent are record items, served as r&lt;n&gt;. */
    @Read
    public Consent read(@IdParam IdType id) {
        if (id.getIdPart().startsWith(RecordItemMapper.PREFIX)) {
            return (Consent) records.read("Consent", id);
        }
        long directiveId = FhirErrors.idOf(id.getIdPart(), "Consent");
        Consents.Directive directive = consents.find(directiveId)
                .orElseThrow(() -> new ResourceNotFoundException("Consent/" + id.getIdPart() + " does not exist"));
        return FhirErrors.translated(() -> {
            policy.requireDemographics(callers.current(Purpose.DIRECT_CARE), directive.personId(),
                    AccessIntent.read("Consent", directiveId));
            return toFhir(directive);
        });
    }

    @Search
    public List<Consent> byPatient(@RequiredParam(name = Consent.SP_PATIENT) ReferenceParam patient) {
        long personId = FhirErrors.idOf(patient.getIdPart(), "Patient");
        return FhirErrors.translated(() -> {
            policy.requireDemographics(callers.current(Purpose.DIRECT_CARE), personId,
                    AccessIntent.search("Consent", "patient"));
            return consents.of(personId).stream().map(ConsentResourceProvider::toFhir).toList();
        });
    }

    static Consent toFhir(Consents.Directive directive) {
        Consent consent = new Consent();
        consent.setId(Long.toString(directive.id()));
        consent.setStatus(directive.active() ? Consent.ConsentState.ACTIVE : Consent.ConsentState.INACTIVE);
        consent.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope",
                "patient-privacy", "Privacy Consent")));
        consent.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
        consent.setPatient(new Reference("Patient/" + directive.personId()));
        consent.setDateTime(Date.from(directive.recordedAt()));
        consent.addPolicy().setUri("https://careweave.org/policy/direct-care-sharing");
        Consent.ProvisionComponent provision = consent.getProvision();
        Period period = new Period().setStart(Date.from(directive.recordedAt()));
        if (directive.withdrawnAt() != null) {
            period.setEnd(Date.from(directive.withdrawnAt()));
        }
        provision.setPeriod(period);
        provision.setType(directive.kind() == Consents.Kind.PERMIT_SENSITIVE
                ? Consent.ConsentProvisionType.PERMIT : Consent.ConsentProvisionType.DENY);
        if (directive.organisationId() != null) {
            provision.addActor().setReference(new Reference("Organization/" + directive.organisationId()))
                    .setRole(new CodeableConcept(new Coding(
                            "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "information recipient")));
        }
        if (directive.category() != null) {
            provision.addClass_(new Coding(CATEGORY_SYSTEM, directive.category().name(), null));
            if (directive.category().sensitive()) {
                provision.addSecurityLabel(securityLabel(directive.category()));
            }
        }
        return consent;
    }

    private static Coding securityLabel(DataCategory category) {
        return switch (category) {
            case MENTAL_HEALTH -> new Coding(ACT_CODE, "PSY", "psychiatry information sensitivity");
            case SEXUAL_HEALTH -> new Coding(ACT_CODE, "STD", "sexually transmitted disease information sensitivity");
            case SAFEGUARDING -> new Coding(ACT_CODE, "SOC", "social services information sensitivity");
            default -> throw new IllegalArgumentException(category + " is not sensitive");
        };
    }
}
