package org.careweave.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.careweave.access.Callers;
import org.careweave.access.Purpose;
import org.careweave.risk.RiskAssessments;
import org.careweave.risk.RiskProfile;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.springframework.stereotype.Component;

/**
 * A person's stored scores as FHIR RiskAssessment, one per method: {@code efi-<patient>}, {@code cms-<patient>},
 * {@code utilisation-<patient>}, {@code priority-<patient>}. The score is in the extension {@link #SCORE}, the
 * category or summary in {@code prediction.outcome}, and what contributed in {@code basis} (deficits and conditions
 * as coded displays, encounters as references) and {@code prediction.rationale}.
 */
@Component
class RiskAssessmentResourceProvider implements IResourceProvider {

    static final String METHOD_SYSTEM = "https://careweave.org/fhir/CodeSystem/risk-method";
    static final String SCORE = "https://careweave.org/fhir/StructureDefinition/risk-score";
    static final List<String> METHODS = List.of("efi", "cms", "utilisation", "priority");

    private final RiskAssessments assessments;
    private final Callers callers;

    RiskAssessmentResourceProvider(RiskAssessments assessments, Callers callers) {
        this.assessments = assessments;
        this.callers = callers;
    }

    @Override
    public Class<RiskAssessment> getResourceType() {
        return RiskAssessment.class;
    }

    @Read
    public RiskAssessment read(@IdParam IdType id) {
        String idPart = id.getIdPart();
        int dash = idPart.lastIndexOf('-');
        String method = dash < 0 ? "" : idPart.substring(0, dash);
        if (!METHODS.contains(method)) {
            throw new ResourceNotFoundException("RiskAssessment/" + idPart + " does not exist");
        }
        long personId = FhirErrors.idOf(idPart.substring(dash + 1), "RiskAssessment");
        return FhirErrors.translated(() -> assessments.of(callers.current(Purpose.DIRECT_CARE), personId)
                .map(profile -> toFhir(profile, method))
                .filter(java.util.Objects::nonNull)
                .orElseThrow(() -> new ResourceNotFoundException("RiskAssessment/" + idPart + " does not exist")));
    }

    @Search
    public List<RiskAssessment> search(@OptionalParam(name = RiskAssessment.SP_PATIENT) ReferenceParam patient,
                                       @OptionalParam(name = RiskAssessment.SP_SUBJECT) ReferenceParam subject,
                                       @OptionalParam(name = RiskAssessment.SP_METHOD) TokenParam method,
                                       @OptionalParam(name = RiskAssessment.SP_DATE) DateRangeParam date) {
        ReferenceParam who = patient != null ? patient : subject;
        if (who == null) {
            throw new InvalidRequestException("Search RiskAssessment by patient (or subject): scores are about "
                    + "identifiable people; for cohorts use /api/cohorts");
        }
        if (method != null && !METHODS.contains(method.getValue())) {
            throw new InvalidRequestException("Unknown method '" + method.getValue() + "'; use one of " + METHODS);
        }
        long personId = FhirErrors.idOf(who.getIdPart(), "Patient");
        return FhirErrors.translated(() -> {
            List<RiskAssessment> found = new ArrayList<>();
            assessments.of(callers.current(Purpose.DIRECT_CARE), personId).ifPresent(profile -> {
                if (date != null && !within(date, Date.from(profile.computedAt()))) {
                    return;
                }
                METHODS.stream().filter(m -> method == null || m.equals(method.getValue()))
                        .map(m -> toFhir(profile, m)).filter(java.util.Objects::nonNull).forEach(found::add);
            });
            return found;
        });
    }

    private static boolean within(DateRangeParam range, Date when) {
        Date from = range.getLowerBoundAsInstant();
        Date to = range.getUpperBoundAsInstant();
        return (from == null || !when.before(from)) && (to == null || !when.after(to));
    }

    /** Contributions from record items the caller may not see count in the score, unnamed. */
    private static String withheld(int count) {
        return count == 0 ? "" : " (" + count + " from record items withheld from you, not listed in the basis)";
    }

    /** Null for the eFI of someone under 65. */
    static RiskAssessment toFhir(RiskProfile profile, String method) {
        RiskAssessment assessment = new RiskAssessment();
        assessment.setId(method + "-" + profile.personId());
        assessment.setStatus(RiskAssessment.RiskAssessmentStatus.FINAL);
        assessment.setSubject(new Reference("Patient/" + profile.personId()));
        assessment.setOccurrence(new DateTimeType(Date.from(profile.computedAt())));
        RiskAssessment.RiskAssessmentPredictionComponent prediction = assessment.addPrediction();
        double score;
        String version;
        switch (method) {
            case "efi" -> {
                RiskProfile.Efi efi = profile.efi();
                if (efi == null) {
                    return null;
                }
                score = efi.value();
                version = efi.version();
                prediction.setOutcome(new CodeableConcept().setText(efi.category().label()));
                prediction.setRationale(efi.deficits().size() + efi.withheld() + " of 36 deficits present"
                        + withheld(efi.withheld()) + "; " + efi.currentMedications() + " current medicines");
                efi.deficits().forEach(d -> assessment.addBasis(coded(d, "")));
            }
            case "cms" -> {
                score = profile.cms().value();
                version = profile.cms().version();
                prediction.setOutcome(new CodeableConcept().setText("Cambridge Multimorbidity Score " + score));
                prediction.setRationale("Sum of general-outcome weights of the conditions present"
                        + withheld(profile.cms().withheld()));
                profile.cms().conditions().forEach(c -> assessment.addBasis(coded(c, " weight " + c.weight())));
            }
            case "utilisation" -> {
                RiskProfile.Utilisation u = profile.utilisation();
                score = u.emergencyAdmissions();
                version = u.version();
                prediction.setOutcome(new CodeableConcept().setText(u.emergencyAdmissions() + " emergency admissions, "
                        + u.aeAttendances() + " A&E attendances, " + u.bedDays() + " bed days in 12 months"));
                u.events().forEach(item -> assessment.addBasis(new Reference("Encounter/" + item)));
            }
            default -> {
                score = profile.priority().value();
                version = profile.priority().version();
                prediction.setOutcome(new CodeableConcept().setText("Priority for proactive care " + score));
                prediction.setRationale("Weighted sum of eFI, CMS and utilisation: " + version);
            }
        }
        assessment.setMethod(new CodeableConcept(new Coding(METHOD_SYSTEM, method, label(method))
                .setVersion(version)));
        assessment.addExtension(SCORE, new DecimalType(score));
        return assessment;
    }

    private static Reference coded(RiskProfile.Contribution contribution, String suffix) {
        return new Reference().setDisplay(contribution.name() + (contribution.code() == null ? ""
                : " (SNOMED CT " + contribution.code() + ")") + suffix);
    }

    private static String label(String method) {
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "efi" -> "Electronic frailty index";
            case "cms" -> "Cambridge Multimorbidity Score";
            case "utilisation" -> "Hospital use in the last 12 months";
            default -> "Priority for proactive care";
        };
    }
}
