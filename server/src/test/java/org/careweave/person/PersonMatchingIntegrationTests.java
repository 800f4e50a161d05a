package org.careweave.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.careweave.person.PatientLink.MatchBasis;
import org.careweave.record.IncomingItem;
import org.careweave.record.RecordImport;
import org.careweave.support.CareWeaveTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The matching rules and merges, against the real person index. */
@CareWeaveTest
class PersonMatchingIntegrationTests {

    @Autowired
    PersonMatching matching;

    @Autowired
    PersonMerges merges;

    @Autowired
    RecordImport records;

    @Autowired
    JdbcClient jdbc;

    Random random = new Random();
    long source;
    long otherSource;
    String family;
    LocalDate born;

    @BeforeEach
    void arrange() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        source = organisation("S" + tag);
        otherSource = organisation("T" + tag);
        family = "Family" + tag;
        born = LocalDate.of(1930 + random.nextInt(80), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    @Test
    void aValidNhsNumberFindsThePersonWhateverTheDemographicsSay() {
        String nhs = validNhsNumber();
        long person = matching.link(source, patient("a", nhs, "Ann", "LS1 1AA")).personId();

        PatientLink link = matching.link(otherSource, patient("b", nhs, "Different", "ZZ9 9ZZ"));

        assertThat(link.personId()).isEqualTo(person);
        assertThat(link.basis()).isEqualTo(MatchBasis.NHS_NUMBER);
    }

    @Test
    void anNhsNumberWithAWrongCheckDigitIsNotUsed() {
        String nhs = validNhsNumber();
        String wrong = nhs.substring(0, 9) + (char) ('0' + (nhs.charAt(9) - '0' + 1) % 10);

        PatientLink link = matching.link(source, patient("a", wrong, "Ann", "LS1 1AA"));

        assertThat(link.basis()).isEqualTo(MatchBasis.NEW_PERSON);
        assertThat(jdbc.sql("select nhs_number from person where id = :id").param("id", link.personId())
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void anIdentifierTheSourceUsedBeforeDecides() {
        IncomingPatient first = patient("a", null, "Ann", "LS1 1AA");
        long person = matching.link(source, first).personId();
        IncomingPatient renamed = new IncomingPatient("another-id", null, first.identifiers(), "Annie", "Renamed",
                born.plusDays(1), "female", null, null, null, "{}", hash("x"));

        PatientLink link = matching.link(source, renamed);

        assertThat(link.personId()).isEqualTo(person);
        assertThat(link.basis()).isEqualTo(MatchBasis.SOURCE_IDENTIFIER);
        assertThat(matching.link(otherSource, renamed).personId()).isNotEqualTo(person);
    }

    @Test
    void exactDemographicsLinkIgnoringCaseAndPostcodeSpacing() {
        long person = matching.link(source, patient("a", null, "Ann", "LS1 1AA")).personId();
        IncomingPatient shouting = new IncomingPatient("b", null, List.of(), "ANN", family.toUpperCase(), born,
                "female", null, "ls11aa", null, "{}", hash("b"));

        PatientLink link = matching.link(otherSource, shouting);

        assertThat(link.personId()).isEqualTo(person);
        assertThat(link.basis()).isEqualTo(MatchBasis.DEMOGRAPHICS);
    }

    @Test
    void aWeakMatchGoesToANewUnverifiedPersonAndTheReviewQueue() {
        long existing = matching.link(source, patient("a", null, "Ann", "LS1 1AA")).personId();

        PatientLink link = matching.link(otherSource, patient("b", null, "Beth", "LS1 1AA"));

        assertThat(link.personId()).isNotEqualTo(existing);
        assertThat(link.basis()).isEqualTo(MatchBasis.NEW_PERSON_UNDER_REVIEW);
        assertThat(jdbc.sql("select nhs_number_verified from person where id = :id").param("id", link.personId())
                .query(Boolean.class).single()).isFalse();
        MatchReview review = matching.pendingReviews().stream().filter(r -> r.id() == link.reviewId()).findFirst()
                .orElseThrow();
        assertThat(review.candidateIds()).containsExactly(existing);
        assertThat(review.newPersonId()).isEqualTo(link.personId());
    }

    @Test
    void severalExactCandidatesAreNeverChosenBetween() {
        long one = insertPerson("Ann", "LS1 1AA");
        long two = insertPerson("Ann", "LS1 1AA");

        PatientLink link = matching.link(source, patient("a", null, "Ann", "LS1 1AA"));

        assertThat(link.personId()).isNotIn(one, two);
        assertThat(link.basis()).isEqualTo(MatchBasis.NEW_PERSON_UNDER_REVIEW);
        assertThat(matching.pendingReviews().stream().filter(r -> r.id() == link.reviewId()).findFirst()
                .orElseThrow().candidateIds()).containsExactlyInAnyOrder(one, two);
    }

    @Test
    void nobodySimilarMakesANewPersonWithAnUnverifiedNhsNumber() {
        String nhs = validNhsNumber();

        PatientLink link = matching.link(source, patient("a", nhs, "Ann", "LS1 1AA"));

        assertThat(link.basis()).isEqualTo(MatchBasis.NEW_PERSON);
        assertThat(link.reviewId()).isNull();
        assertThat(jdbc.sql("select nhs_number || ':' || nhs_number_verified from person where id = :id")
                .param("id", link.personId()).query(String.class).single()).isEqualTo(nhs + ":false");
    }

    @Test
    void resendingThePatientIsRecognisedAndOnlyChangedContentIsANewVersion() {
        PatientLink first = matching.link(source, patient("a", null, "Ann", "LS1 1AA"));
        PatientLink same = matching.link(source, patient("a", null, "Ann", "LS1 1AA"));

        assertThat(same.basis()).isEqualTo(MatchBasis.SAME_SOURCE_RECORD);
        assertThat(same.change()).isEqualTo(PatientLink.Change.UNCHANGED);
        assertThat(same.version()).isEqualTo(first.version());
        assertThat(matching.link(source, patient("a", null, "Ann", "LS2 2BB")).version()).isEqualTo(2);
    }

    @Test
    void aMergeMovesRecordsAndLinksToTheSurvivorAndAnUnmergeMovesThemBack() {
        long survivor = matching.link(source, patient("a", null, "Ann", "LS1 1AA")).personId();
        long duplicate = matching.link(otherSource, patient("b", null, "Anne", "LS1 1AA")).personId();
        long item = records.store(otherSource, List.of(item(duplicate))).get(0).id();

        long merge = merges.merge(survivor, duplicate, "admin");

        assertThat(personOfItem(item)).isEqualTo(survivor);
        assertThat(matching.personOfSourcePatient(otherSource, "b")).contains(survivor);
        assertThat(matching.personsOfIdentifier("https://example.org/mrn", family + "b")).containsExactly(survivor);
        assertThatThrownBy(() -> merges.merge(survivor, duplicate, "admin")).hasMessageContaining("already merged");

        merges.unmerge(merge, "admin");

        assertThat(personOfItem(item)).isEqualTo(duplicate);
        assertThat(matching.personOfSourcePatient(otherSource, "b")).contains(duplicate);
        assertThat(matching.personsOfIdentifier("https://example.org/mrn", family + "b")).containsExactly(duplicate);
        assertThatThrownBy(() -> merges.unmerge(merge, "admin")).hasMessageContaining("No merge");
    }

    @Test
    void anIdentifierLinkedToAMergedPersonFindsTheEndOfTheChainOnceAndACycleIsRefused() {
        long first = insertPerson("Ann", "LS1 1AA");
        long second = insertPerson("Anne", "LS1 1AA");
        long third = insertPerson("Annie", "LS1 1AA");
        long elsewhere = insertPerson("Ann", "LS9 9ZZ");
        merges.merge(second, first, "admin");
        merges.merge(third, second, "admin");
        String mrn = "https://example.org/mrn";
        long thirdSource = organisation("U" + family.substring("Family".length()));
        // Links made before the merges move with them; these still name a merged person, as an older link might.
        jdbc.sql("""
                        insert into person_source_identifier (person_id, source_org_id, system, value)
                        values (:first, :source, :mrn, :value), (:second, :other, :mrn, :value),
                               (:elsewhere, :third_source, :mrn, :value)""")
                .param("first", first).param("second", second).param("elsewhere", elsewhere)
                .param("source", source).param("other", otherSource).param("third_source", thirdSource)
                .param("mrn", mrn).param("value", family).update();

        assertThat(matching.personsOfIdentifier(mrn, family)).containsExactly(third, elsewhere);
        assertThat(matching.personsOfIdentifier(mrn, family + "-nobody")).isEmpty();

        jdbc.sql("update person set merged_into_id = :first where id = :third").param("first", first)
                .param("third", third).update();
        assertThatThrownBy(() -> matching.personsOfIdentifier(mrn, family)).hasMessageContaining("merge cycle");
    }

    private IncomingPatient patient(String sourceId, String nhs, String given, String postcode) {
        List<IncomingPatient.Identifier> identifiers = nhs == null
                ? List.of(new IncomingPatient.Identifier("https://example.org/mrn", family + sourceId))
                : List.of(new IncomingPatient.Identifier(NhsNumber.SYSTEM, nhs),
                        new IncomingPatient.Identifier("https://example.org/mrn", family + sourceId));
        String json = "{\"resourceType\":\"Patient\",\"id\":\"" + sourceId + "\",\"postcode\":\"" + postcode + "\"}";
        return new IncomingPatient(sourceId, null, identifiers, given, family, born, "female", null, postcode, null,
                json, hash(json));
    }

    private IncomingItem item(long person) {
        byte[] json = "{\"resourceType\":\"Condition\",\"id\":\"c1\"}".getBytes(StandardCharsets.UTF_8);
        return new IncomingItem(person, "Condition", "problem", "http://snomed.info/sct", "38341003", "Hypertension",
                "active", null, null, null, null, null, "c-" + UUID.randomUUID(), null, json, hash("c"));
    }

    private long personOfItem(long item) {
        return jdbc.sql("select person_id from record_item where id = :id").param("id", item).query(Long.class).single();
    }

    private long insertPerson(String given, String postcode) {
        return jdbc.sql("""
                        insert into person (given_name, family_name, birth_date, sex, postcode)
                        values (:given, :family, :born, 'female', :postcode) returning id""")
                .param("given", given).param("family", family).param("born", born).param("postcode", postcode)
                .query(Long.class).single();
    }

    private String validNhsNumber() {
        while (true) {
            String candidate = "999" + String.format("%07d", random.nextInt(10_000_000));
            if (NhsNumber.validOrNull(candidate) != null) {
                return candidate;
            }
        }
    }

    private static byte[] hash(String text) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private long organisation(String code) {
        return jdbc.sql("insert into organisation (ods_code, name, type) values (:code, :name, 'ACUTE_TRUST') returning id")
                .param("code", code).param("name", "Org " + code).query(Long.class).single();
    }
}
