package org.careweave.risk;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.careweave.access.AccessContext;
import org.careweave.access.AccessIntent;
import org.careweave.access.AccessPolicy;
import org.careweave.access.DataCategory;
import org.careweave.access.PersonAccess;
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

    /**
     * For someone with a care relationship (as for the record itself); empty when no scores are stored. The scores
     * count the whole record; the explanation names only conditions the viewer may see in it (see
     * {@link #explainedTo}).
     */
    public Optional<RiskProfile> of(AccessContext who, long personId) {
        PersonAccess access = policy.require(who, personId, AccessIntent.read("RiskAssessment", personId));
        return scores.find(personId).map(profile -> explainedTo(access, profile));
    }

    /**
     * For case finding: the person must be in the caller's case-finding scope (see docs/case-finding.md). The
     * explanation leaves out what the person has not agreed to share (see {@link PersonAccess.Basis#CASE_FINDING}).
     */
    public Optional<RiskProfile> forCaseFinding(AccessContext who, long personId) {
        PersonAccess access = policy.requireCaseFinding(who, personId, AccessIntent.read("RiskAssessment", personId));
        return scores.find(personId).map(profile -> explainedTo(access, profile));
    }

    /**
     * The profile with each contributing condition or deficit named only when the viewer may see at least one of the
     * record items it comes from; the others are counted as withheld. Naming them would disclose what the record
     * withholds, such as a mental health diagnosis the person has not agreed to share.
     */
    private RiskProfile explainedTo(PersonAccess access, RiskProfile profile) {
        Set<String> codes = profile.codes();
        if (codes.isEmpty()) {
            return profile;
        }
        Set<String> known = new HashSet<>();
        for (RiskScores.ScoredProblem problem : scores.scoredProblems(profile.personId(), codes)) {
            if (access.mayView(problem.sourceOrganisationId(),
                    DataCategory.ofItem(problem.category(), problem.sensitivity()))) {
                known.add(problem.code());
            }
        }
        return profile.explainedTo(known::contains);
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
