package org.careweave.person;

import java.util.List;
import java.util.Optional;

import org.careweave.person.PatientLink.MatchBasis;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links partners' patients to the person index. In order: the same partner's earlier copy of the patient, a valid
 * NHS number, an identifier the partner already used, then an exact demographic match (family and given name, birth
 * date, sex, postcode). A doubtful match (several exact candidates, or people sharing only birth date and family
 * name) is never linked: the patient becomes a new person and an administrator reviews the candidates. People created
 * here have an NHS number that nobody has verified.
 */
@Service
@Transactional
public class PersonMatching {

    private final PersonIndex index;

    PersonMatching(PersonIndex index) {
        this.index = index;
    }

    /** Matches the patient, stores the partner's copy of it and its identifiers, and says where it landed. */
    public PatientLink link(long sourceOrganisationId, IncomingPatient patient) {
        String nhs = patient.validNhsNumber();
        index.lockMatching(nhs, patient);
        Match match = match(sourceOrganisationId, patient, nhs);
        long personId = match.personId != null ? match.personId : index.insertPerson(patient, nhs);
        Long review = match.candidates.isEmpty() ? null
                : index.queueReview(sourceOrganisationId, patient.sourceId(), personId, match.candidates, match.reason);
        if (nhs != null && match.personId != null) {
            index.fillMissingNhsNumber(personId, nhs);
        }
        PersonIndex.Stored stored = index.storeSourcePatient(sourceOrganisationId, patient, personId);
        index.linkIdentifiers(sourceOrganisationId, patient.identifiers(), personId);
        return new PatientLink(personId, stored.id(), stored.version(), stored.change(), match.basis, review);
    }

    /** The person a partner's patient id belongs to, if the partner has sent that patient. */
    @Transactional(readOnly = true)
    public Optional<Long> personOfSourcePatient(long sourceOrganisationId, String sourceId) {
        return index.personOfSourcePatient(sourceOrganisationId, sourceId);
    }

    /** The person a partner's identifier (system and value) belongs to, if the partner has used it. */
    @Transactional(readOnly = true)
    public Optional<Long> personOfIdentifier(long sourceOrganisationId, String system, String value) {
        return index.personOfIdentifier(sourceOrganisationId, system, value);
    }

    /** The people any partner has linked this identifier (system and value) to; usually one. */
    @Transactional(readOnly = true)
    public List<Long> personsOfIdentifier(String system, String value) {
        return index.personsOfIdentifier(system, value);
    }

    /** Matches still waiting for an administrator, oldest first. */
    @Transactional(readOnly = true)
    public List<MatchReview> pendingReviews() {
        return index.pendingReviews();
    }

    private Match match(long source, IncomingPatient patient, String nhs) {
        Optional<Long> known = index.personOfSourcePatient(source, patient.sourceId());
        if (known.isPresent()) {
            return Match.linked(known.get(), MatchBasis.SAME_SOURCE_RECORD);
        }
        if (nhs != null) {
            Optional<Long> byNhs = index.personOfNhsNumber(nhs);
            if (byNhs.isPresent()) {
                return Match.linked(byNhs.get(), MatchBasis.NHS_NUMBER);
            }
        }
        for (IncomingPatient.Identifier identifier : patient.identifiers()) {
            Optional<Long> byIdentifier = index.personOfIdentifier(source, identifier.system(), identifier.value());
            if (byIdentifier.isPresent()) {
                return Match.linked(byIdentifier.get(), MatchBasis.SOURCE_IDENTIFIER);
            }
        }
        return byDemographics(patient, nhs);
    }

    private Match byDemographics(IncomingPatient patient, String nhs) {
        List<PersonIndex.Candidate> similar = index.similarPeople(patient);
        List<PersonIndex.Candidate> exact = similar.stream().filter(c -> c.exactly(patient)).toList();
        if (exact.size() == 1 && (exact.get(0).nhsNumber() == null || exact.get(0).nhsNumber().equals(nhs))) {
            return Match.linked(exact.get(0).id(), MatchBasis.DEMOGRAPHICS);
        }
        if (similar.isEmpty()) {
            return new Match(null, MatchBasis.NEW_PERSON, List.of(), null);
        }
        String reason = exact.size() > 1 ? exact.size() + " people match every demographic detail"
                : exact.size() == 1 ? "one person matches every demographic detail but has another NHS number"
                : "people share the birth date and family name but differ in other details";
        return new Match(null, MatchBasis.NEW_PERSON_UNDER_REVIEW,
                similar.stream().map(PersonIndex.Candidate::id).toList(), reason);
    }

    private record Match(Long personId, MatchBasis basis, List<Long> candidates, String reason) {

        static Match linked(long personId, MatchBasis basis) {
            return new Match(personId, basis, List.of(), null);
        }
    }
}
