package org.careweave.risk;

import java.util.List;
import java.util.Optional;

import org.careweave.access.AccessContext;
import org.careweave.access.AccessIntent;
import org.careweave.access.AccessPolicy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads people's stored scores, each read decided and audited by the access policy. */
@Service
@Transactional(readOnly = true)
public class RiskAssessments {

    private final RiskScores scores;
    private final AccessPolicy policy;
    private final RiskRecomputation recomputation;

    RiskAssessments(RiskScores scores, AccessPolicy policy, RiskRecomputation recomputation) {
        this.scores = scores;
        this.policy = policy;
        this.recomputation = recomputation;
    }

    /** For someone with a care relationship (as for the record itself); empty when no scores are stored. */
    public Optional<RiskProfile> of(AccessContext who, long personId) {
        policy.require(who, personId, AccessIntent.read("RiskAssessment", personId));
        return scores.find(personId);
    }

    /** For case finding: the person must be in the caller's case-finding scope (see docs/case-finding.md). */
    public Optional<RiskProfile> forCaseFinding(AccessContext who, long personId) {
        policy.requireCaseFinding(who, personId, AccessIntent.read("RiskAssessment", personId));
        return scores.find(personId);
    }

    /** The eFI deficits (name → codes) and CMS conditions in use: reference data, no personal data. */
    public Definitions definitions() {
        RiskDefinitions d = recomputation.definitions();
        return new Definitions(d.deficitCodes(), d.cmsCodes().entrySet().stream()
                .map(e -> new Definitions.Condition(e.getValue().name(), e.getKey(), e.getValue().weight()))
                .sorted(java.util.Comparator.comparing(Definitions.Condition::name)
                        .thenComparing(Definitions.Condition::code))
                .toList(), d.unknownCodes());
    }

    /**
     * @param deficitByCode SNOMED CT code → eFI deficit
     * @param unknownCodes  codes reported at start-up as in neither the shipped list nor the reference set
     */
    public record Definitions(java.util.Map<String, String> deficitByCode, List<Condition> cmsConditions,
                              List<String> unknownCodes) {

        public record Condition(String name, String code, double weight) {
        }
    }
}
