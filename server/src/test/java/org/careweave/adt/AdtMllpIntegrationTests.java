package org.careweave.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careweave.adt.AdtTestMessages.ack;
import static org.careweave.adt.AdtTestMessages.code;
import static org.careweave.adt.AdtTestMessages.message;
import static org.careweave.adt.AdtTestMessages.visitMessage;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.careweave.adt.AdtTestMessages.Patient;
import org.careweave.adt.AdtTestMessages.Visit;
import org.careweave.identity.SystemClients;
import org.careweave.organisation.OrganisationType;
import org.careweave.organisation.Organisations;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.Http;
import org.careweave.support.Tokens;
import org.careweave.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Real ADT messages over a real MLLP socket into the running application and its database. */
@CareWeaveTest
@Import(AdtMllpIntegrationTests.Movements.class)
class AdtMllpIntegrationTests {

    static final int MLLP_PORT = freePort();

    @DynamicPropertySource
    static void mllp(DynamicPropertyRegistry registry) {
        registry.add("careweave.mllp.port", () -> MLLP_PORT);
    }

    @TestConfiguration
    static class Movements {
        final List<HospitalMovement> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(HospitalMovement movement) {
            seen.add(movement);
        }

        List<HospitalMovement> of(long personId) {
            return seen.stream().filter(m -> m.personId() == personId).toList();
        }
    }

    @Autowired JdbcClient jdbc;
    @Autowired Movements movements;
    @Autowired Organisations organisations;
    @Autowired SystemClients clients;
    @LocalServerPort int httpPort;

    String tag;
    long hospital;

    @BeforeEach
    void fixture() {
        tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        hospital = organisations.idOf("R9A").orElseThrow();
    }

    @Test
    void admissionTransferAndDischargeBuildOneEncounterAndAnnounceEachMovement() throws IOException {
        Resident r = resident(0);
        Visit visit = new Visit("I", "WARD7", null, "21", "V" + tag, null, "202603011030", null);
        String[] acks = AdtTestMessages.send(MLLP_PORT,
                visitMessage("A01", "2.4", tag + "-1", "202603011035", r.patient(), visit),
                visitMessage("A02", "2.4", tag + "-2", "202603021200", r.patient(), visit.withWard("WARD9", "WARD7")),
                visitMessage("A03", "2.4", tag + "-3", "202603051500", r.patient(),
                        visit.withWard("WARD9", null).discharged("202603051445", "19")));

        assertThat(acks).allSatisfy(a -> assertThat(code(a)).isEqualTo("AA"));
        assertThat(acks[0]).contains("MSA|AA|" + tag + "-1").contains("ACK^A01^ACK").contains("|2.4\r");
        Map<String, Object> encounter = encounter("V" + tag);
        assertThat(encounter).containsEntry("person_id", r.id).containsEntry("source_org_id", hospital)
                .containsEntry("status", "finished").containsEntry("category", "emergency-admission")
                .containsEntry("version", 3);
        assertThat(instant(encounter.get("effective_start"))).isEqualTo(Instant.parse("2026-03-01T10:30:00Z"));
        assertThat(instant(encounter.get("effective_end"))).isEqualTo(Instant.parse("2026-03-05T14:45:00Z"));
        assertThat(encounter.get("resource").toString()).contains("UKCore-Encounter").contains("\"WARD9\"")
                .contains("\"IMP\"").contains("DischargeDestination").contains(r.nhs);
        assertThat(movements.of(r.id)).extracting(HospitalMovement::kind).containsExactly(
                HospitalMovement.Kind.ADMITTED, HospitalMovement.Kind.TRANSFERRED, HospitalMovement.Kind.DISCHARGED);
        HospitalMovement discharge = movements.of(r.id).get(2);
        assertThat(discharge.encounterItemId()).isEqualTo(encounter.get("id"));
        assertThat(discharge.hospitalOrganisationId()).isEqualTo(hospital);
        assertThat(discharge.occurredAt()).isEqualTo(Instant.parse("2026-03-05T14:45:00Z"));
        assertThat(discharge.dischargeDisposition()).isEqualTo("19");
        assertThat(discharge.messageControlId()).isEqualTo(tag + "-3");
        assertThat(statuses(tag)).containsOnly("APPLIED");
        assertThat(writesAudited(r.id, "Encounter")).isEqualTo(3);
    }

    @Test
    void byDefaultOnlyThisHostCanConnect() throws IOException {
        java.net.InetAddress external = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
                .stream().flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress()).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(external != null, "this machine has no non-loopback address");

        assertThatThrownBy(() -> new java.net.Socket(external, MLLP_PORT).close())
                .isInstanceOf(java.net.ConnectException.class);
        new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), MLLP_PORT).close();
    }

    /** Audit events recording the hospital's changes to this person's data, of this kind. */
    private long writesAudited(long person, String entityType) {
        return jdbc.sql("""
                        select count(*) from audit_event where person_id = :person and entity_type = :type
                           and action = 'UPDATE' and actor = 'hl7v2:R9A' and actor_type = 'SYSTEM'""")
                .param("person", person).param("type", entityType).query(Long.class).single();
    }

    @Test
    void everyAcceptedEventInEachVersionIsAcknowledgedAndApplied() throws IOException {
        Resident r = resident(1);
        Visit ae = new Visit("E", "AE", null, null, "E" + tag, null, "202603101000", null);
        Visit planned = new Visit("I", "DAYSURG", null, "11", "P" + tag, null, "202604010800", null);
        String[] acks = AdtTestMessages.send(MLLP_PORT,
                visitMessage("A04", "2.3", tag + "-1", "202603101001", r.patient(), ae),
                visitMessage("A08", "2.3.1", tag + "-2", "202603101100", r.patient(), ae.withWard("AEMAJORS", null)),
                visitMessage("A05", "2.5", tag + "-3", "202603150900", r.patient(), planned),
                visitMessage("A11", "2.5.1", tag + "-4", "202603160900", r.patient(), planned),
                message("A28", "2.4", "R9A", tag + "-5", "202603170900", r.patient().pid()),
                message("A31", "2.5.1", "R9A", tag + "-6", "202603170930", r.patient().pid()));

        assertThat(acks).extracting(AdtTestMessages::code).containsOnly("AA");
        assertThat(encounter("E" + tag)).containsEntry("category", "ae-attendance").containsEntry("status", "in-progress");
        assertThat(encounter("E" + tag).get("resource").toString()).contains("AEMAJORS").contains("\"EMER\"");
        assertThat(encounter("P" + tag)).containsEntry("category", "elective-admission").containsEntry("status", "cancelled");
        assertThat(movements.of(r.id)).extracting(HospitalMovement::kind).containsExactly(
                HospitalMovement.Kind.ATTENDED, HospitalMovement.Kind.PRE_ADMITTED,
                HospitalMovement.Kind.ADMISSION_CANCELLED);
        assertThat(statuses(tag)).containsOnly("APPLIED");
    }

    @Test
    void cancelledTransferAndDischargeRestoreTheVisit() throws IOException {
        Resident r = resident(2);
        Visit visit = new Visit("I", "WARD1", null, "21", "C" + tag, null, "202603011000", null);
        AdtTestMessages.send(MLLP_PORT,
                visitMessage("A01", "2.4", tag + "-1", "202603011000", r.patient(), visit),
                visitMessage("A02", "2.4", tag + "-2", "202603011200", r.patient(), visit.withWard("WARD2", "WARD1")),
                visitMessage("A12", "2.4", tag + "-3", "202603011300", r.patient(), visit.withWard("WARD2", "WARD1")),
                visitMessage("A03", "2.4", tag + "-4", "202603021000", r.patient(), visit.discharged("202603021000", "19")),
                visitMessage("A13", "2.4", tag + "-5", "202603021100", r.patient(), visit));

        Map<String, Object> encounter = encounter("C" + tag);
        assertThat(encounter).containsEntry("status", "in-progress").containsEntry("effective_end", null);
        assertThat(encounter.get("resource").toString()).contains("WARD1").doesNotContain("WARD2");
        assertThat(movements.of(r.id)).extracting(HospitalMovement::kind).containsExactly(
                HospitalMovement.Kind.ADMITTED, HospitalMovement.Kind.TRANSFERRED,
                HospitalMovement.Kind.TRANSFER_CANCELLED, HospitalMovement.Kind.DISCHARGED,
                HospitalMovement.Kind.DISCHARGE_CANCELLED);
    }

    @Test
    void malformedAndUnacceptedMessagesAreRejectedButKept() throws IOException {
        String garbage = "this is not HL7 " + tag;
        String wrongType = message("A01", "2.4", "R9A", tag + "-1", "202603011000", "PID|1").replace("ADT^A01^ADT_A01", "ORU^R01^ORU_R01");
        String wrongVersion = message("A01", "2.4", "R9A", tag + "-2", "202603011000", "PID|1").replace("|P|2.4\r", "|P|2.7\r");
        String broken = "MSH|^~\\&|PAS|R9A|CW|CW|202603011000||ADT^A01^ADT_A01|" + tag + "-3|P|2.4\rEVN|A01|2026030110\rPID|1||\\X0\\";

        assertThat(code(ack(MLLP_PORT, garbage))).isEqualTo("AR");
        assertThat(ack(MLLP_PORT, wrongType)).contains("MSA|AR|" + tag + "-1").contains("R01 is not accepted");
        assertThat(ack(MLLP_PORT, wrongVersion)).contains("MSA|AR|" + tag + "-2").contains("2.7 is not accepted");
        assertThat(code(ack(MLLP_PORT, broken))).isIn("AR", "AE");
        assertThat(jdbc.sql("select count(*) from adt_message where raw = :raw").param("raw", garbage)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(statuses(tag)).hasSize(3);
    }

    @Test
    void unknownFacilityIsAnsweredAeNamingItAndAppliedOnceTheOrganisationExists() throws IOException {
        Resident r = resident(3);
        String facility = "RX" + tag.substring(0, 3);
        Visit visit = new Visit("I", "WARD1", null, "21", "F" + tag, null, "202603011000", null);
        String text = message("A01", "2.4", facility, tag + "-1", "202603011000", r.patient().pid(), visit.pv1());

        String answer = ack(MLLP_PORT, text);

        assertThat(code(answer)).isEqualTo("AE");
        assertThat(answer).contains(facility).contains("ERR|");
        assertThat(statuses(tag)).containsExactly("FAILED");
        organisations.ensure(facility, "Another Hospital Trust", OrganisationType.ACUTE_TRUST);
        long id = messageId(tag + "-1");
        HttpResponse<String> reprocessed = post("/api/hl7-messages/" + id + "/reprocessing", adminToken());
        assertThat(reprocessed.statusCode()).isEqualTo(200);
        assertThat(reprocessed.body()).contains("APPLIED");
        assertThat(statuses(tag)).containsExactly("APPLIED");
        assertThat(post("/api/hl7-messages/" + id + "/reprocessing", adminToken()).statusCode()).isEqualTo(409);
    }

    @Test
    void aDuplicateControlIdIsAcknowledgedButNotAppliedTwice() throws IOException {
        Resident r = resident(4);
        Visit visit = new Visit("I", "WARD1", null, "21", "D" + tag, null, "202603011000", null);
        String text = visitMessage("A01", "2.4", tag + "-1", "202603011000", r.patient(), visit);

        String first = ack(MLLP_PORT, text);
        String second = ack(MLLP_PORT, text);

        assertThat(code(first)).isEqualTo("AA");
        assertThat(code(second)).isEqualTo("AA");
        assertThat(second).contains("duplicate");
        assertThat(statuses(tag)).hasSize(1);
        assertThat(movements.of(r.id)).hasSize(1);
        assertThat(encounter("D" + tag)).containsEntry("version", 1);
    }

    @Test
    void aDuplicateWithoutSendingApplicationOrFacilityIsAcknowledgedButNotAppliedTwice() throws IOException {
        Resident r = resident(14);
        Visit visit = new Visit("I", "WARD1", null, "21", "A" + tag, null, "202603011000", null);
        String noApplication = visitMessage("A01", "2.4", tag + "-1", "202603011000", r.patient(), visit)
                .replace("|PAS|R9A|", "||R9A|");
        String noFacility = visitMessage("A08", "2.4", tag + "-2", "202603011100", r.patient(), visit)
                .replace("|PAS|R9A|", "|PAS||");

        String[] acks = AdtTestMessages.send(MLLP_PORT, noApplication, noApplication, noFacility, noFacility);

        assertThat(acks).extracting(AdtTestMessages::code).containsExactly("AA", "AA", "AE", "AE");
        assertThat(acks[0]).doesNotContain("duplicate");
        assertThat(acks[1]).contains("MSA|AA|" + tag + "-1|duplicate of a message received");
        assertThat(acks[2]).doesNotContain("duplicate");
        assertThat(acks[3]).contains("MSA|AE|" + tag + "-2|duplicate of a message received");
        assertThat(statuses(tag)).containsExactly("APPLIED", "FAILED");
        assertThat(movements.of(r.id)).hasSize(1);
        assertThat(encounter("A" + tag)).containsEntry("version", 1);
    }

    @Test
    void segmentsEndingInLineFeedsAreReadAsCarriageReturnsAndKeptAsReceived() throws IOException {
        Resident r = resident(15);
        String facility = "RL" + tag.substring(0, 3);
        Visit visit = new Visit("I", "WARD1", null, "21", "LF" + tag, null, "202603011000", null);
        String text = message("A01", "2.4", facility, tag + "-1", "202603011000", r.patient().pid(), visit.pv1());
        String lineFeeds = text.replace('\r', '\n');

        String answer = ack(MLLP_PORT, lineFeeds);

        assertThat(answer).contains("MSA|AE|" + tag + "-1").contains(facility);
        assertThat(jdbc.sql("select raw from adt_message where control_id = :c").param("c", tag + "-1")
                .query(String.class).single()).isEqualTo(lineFeeds);
        organisations.ensure(facility, "Line Feed Hospital Trust", OrganisationType.ACUTE_TRUST);
        HttpResponse<String> reprocessed = post("/api/hl7-messages/" + messageId(tag + "-1") + "/reprocessing",
                adminToken());
        assertThat(reprocessed.body()).contains("APPLIED");
        assertThat(encounter("LF" + tag)).containsEntry("person_id", r.id).containsEntry("version", 1);
        String resent = ack(MLLP_PORT, text.replace("\r", "\r\n"));
        assertThat(resent).contains("MSA|AA|" + tag + "-1|duplicate of a message received");
        String next = message("A02", "2.4", facility, tag + "-2", "202603011200", r.patient().pid(),
                visit.withWard("WARD2", "WARD1").pv1()).replace("\r", "\r\n");
        assertThat(code(ack(MLLP_PORT, next))).isEqualTo("AA");
        assertThat(statuses(tag)).containsExactly("APPLIED", "APPLIED");
        assertThat(encounter("LF" + tag).get("resource").toString()).contains("WARD2");
    }

    @Test
    void aDischargeBeforeItsAdmissionEndsWithTheVisitFinished() throws IOException {
        Resident r = resident(5);
        Visit visit = new Visit("I", "WARD3", null, "21", "O" + tag, null, "202603011000", null);
        String discharge = visitMessage("A03", "2.4", tag + "-2", "202603041000", r.patient(),
                visit.discharged("202603041000", "19"));
        String admit = visitMessage("A01", "2.4", tag + "-1", "202603011000", r.patient(), visit);

        assertThat(AdtTestMessages.send(MLLP_PORT, discharge, admit)).extracting(AdtTestMessages::code).containsOnly("AA");

        Map<String, Object> encounter = encounter("O" + tag);
        assertThat(encounter).containsEntry("status", "finished");
        assertThat(instant(encounter.get("effective_start"))).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(instant(encounter.get("effective_end"))).isEqualTo(Instant.parse("2026-03-04T10:00:00Z"));
        assertThat(jdbc.sql("select status_reason from adt_message where control_id = :c").param("c", tag + "-1")
                .query(String.class).single()).contains("event-time order");
    }

    @Test
    void aCancelOfAnUnknownAdmissionIsKeptAndStillWinsWhenTheAdmissionArrives() throws IOException {
        Resident r = resident(6);
        Visit visit = new Visit("I", "WARD3", null, "21", "X" + tag, null, "202603011000", null);

        assertThat(code(ack(MLLP_PORT, visitMessage("A11", "2.4", tag + "-2", "202603011100", r.patient(), visit))))
                .isEqualTo("AA");
        assertThat(encounter("X" + tag)).containsEntry("status", "cancelled");
        assertThat(code(ack(MLLP_PORT, visitMessage("A01", "2.4", tag + "-1", "202603011000", r.patient(), visit))))
                .isEqualTo("AA");

        assertThat(encounter("X" + tag)).containsEntry("status", "cancelled");
        assertThat(statuses(tag)).containsOnly("APPLIED").hasSize(2);
    }

    @Test
    void anUpdateAfterDischargeChangesDetailsButNotTheStatus() throws IOException {
        Resident r = resident(7);
        Visit visit = new Visit("I", "WARD3", null, "21", "U" + tag, null, "202603011000", null);
        AdtTestMessages.send(MLLP_PORT,
                visitMessage("A01", "2.4", tag + "-1", "202603011000", r.patient(), visit),
                visitMessage("A03", "2.4", tag + "-2", "202603031000", r.patient(), visit.discharged("202603031000", "19")),
                visitMessage("A08", "2.4", tag + "-3", "202603041000", r.patient(), visit.withWard("WARD4", null)));

        Map<String, Object> encounter = encounter("U" + tag);
        assertThat(encounter).containsEntry("status", "finished");
        assertThat(encounter.get("resource").toString()).contains("WARD4");
    }

    @Test
    void anUnmatchedPatientWaitsAndIsAppliedWhenAnAdministratorRegistersThem() throws IOException {
        String nhs = unusedNhsNumber();
        Patient stranger = new Patient(nhs, "H" + tag, "Unmatched", "Ulla", "19500101", "F");
        Visit visit = new Visit("I", "WARD1", null, "21", "M" + tag, null, "202603011000", null);

        String answer = ack(MLLP_PORT, visitMessage("A01", "2.4", tag + "-1", "202603011000", stranger, visit));

        assertThat(code(answer)).isEqualTo("AA");
        assertThat(statuses(tag)).containsExactly("UNMATCHED");
        assertThat(jdbc.sql("select count(*) from person where nhs_number = :n").param("n", nhs).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from record_item where source_id = :v").param("v", "M" + tag)
                .query(Long.class).single()).isZero();
        long id = messageId(tag + "-1");
        assertThat(post("/api/hl7-messages/" + id + "/reprocessing", adminToken()).body()).contains("UNMATCHED");

        HttpResponse<String> registered = post("/api/hl7-messages/" + id + "/reprocessing?registerUnknown=true",
                adminToken());

        assertThat(registered.body()).contains("APPLIED");
        long person = jdbc.sql("select id from person where nhs_number = :n").param("n", nhs).query(Long.class).single();
        assertThat(encounter("M" + tag)).containsEntry("person_id", person).containsEntry("status", "in-progress");
        assertThat(movements.of(person)).extracting(HospitalMovement::kind).containsExactly(HospitalMovement.Kind.ADMITTED);
    }

    @Test
    void anInvalidNhsNumberIsAnsweredAe() throws IOException {
        Resident r = resident(8);
        String wrong = r.nhs.substring(0, 9) + ((r.nhs.charAt(9) - '0' + 1) % 10);
        Patient bad = new Patient(wrong, null, r.family, r.given, r.birthDate, r.sex);
        String answer = ack(MLLP_PORT, visitMessage("A01", "2.4", tag + "-1", "202603011000", bad,
                new Visit("I", "W", null, "21", "N" + tag, null, null, null)));

        assertThat(code(answer)).isEqualTo("AE");
        assertThat(answer).contains("modulus 11").doesNotContain(wrong);
    }

    @Test
    void aMergeMovesTheDuplicatesRecordToTheSurvivor() throws IOException {
        Resident survivor = resident(9);
        Resident duplicate = resident(10);
        Visit visit = new Visit("I", "WARD1", null, "21", "G" + tag, null, "202603011000", null);
        Patient old = new Patient(duplicate.nhs, "OLD" + tag, duplicate.family, duplicate.given, duplicate.birthDate,
                duplicate.sex);
        assertThat(code(ack(MLLP_PORT, visitMessage("A01", "2.4", tag + "-1", "202603011000", old, visit))))
                .isEqualTo("AA");
        String merge = message("A40", "2.4", "R9A", tag + "-2", "202603021000",
                new Patient(survivor.nhs, "NEW" + tag, survivor.family, survivor.given, survivor.birthDate,
                        survivor.sex).pid(), "MRG|OLD" + tag + "^^^R9A^MR");

        assertThat(code(ack(MLLP_PORT, merge))).isEqualTo("AA");

        assertThat(jdbc.sql("select merged_into_id from person where id = :id").param("id", duplicate.id)
                .query(Long.class).single()).isEqualTo(survivor.id);
        assertThat(encounter("G" + tag)).containsEntry("person_id", survivor.id);
        assertThat(writesAudited(survivor.id, "Patient")).isEqualTo(1);
        assertThat(writesAudited(duplicate.id, "Patient")).isEqualTo(1);
    }

    @Test
    void aMalformedDateIsAnsweredAeNamingTheFieldAndTheFeedGoesOn() throws IOException {
        Resident r = resident(12);
        Visit visit = new Visit("I", "WARD1", null, "21", "T" + tag, null, "202603011000", null);
        Patient isoBirthDate = new Patient(r.nhs, "H" + r.id, r.family, r.given, "1950-01-01", r.sex);
        String birthDate = visitMessage("A01", "2.4", tag + "-1", "202603011000", isoBirthDate, visit);
        String eventTime = visitMessage("A01", "2.4", tag + "-2", "202603011000", r.patient(), visit)
                .replace("EVN|A01|202603011000", "EVN|A01|2024-01-01T10:00:00Z");
        String sentTime = visitMessage("A01", "2.4", tag + "-3", "202603011000", r.patient(), visit)
                .replace("|202603011000||ADT", "|20240101120000+01||ADT");
        String good = visitMessage("A01", "2.4", tag + "-4", "202603011000", r.patient(), visit);

        String[] acks = AdtTestMessages.send(MLLP_PORT, birthDate, eventTime, sentTime, good);

        assertThat(acks).extracting(AdtTestMessages::code).containsExactly("AE", "AE", "AE", "AA");
        assertThat(acks[0]).contains("MSA|AE|" + tag + "-1|PID-7 is not an HL7 date/time").contains("ERR|")
                .doesNotContain("1950-01-01");
        assertThat(acks[1]).contains("MSA|AE|" + tag + "-2|EVN-2 is not an HL7 date/time");
        assertThat(acks[2]).contains("MSA|AE|" + tag + "-3|MSH-7 is not an HL7 date/time");
        assertThat(statuses(tag)).containsExactly("FAILED", "FAILED", "FAILED", "APPLIED");
        assertThat(encounter("T" + tag)).containsEntry("person_id", r.id).containsEntry("version", 1);
    }

    @Test
    void aNulCharacterIsAnsweredArNamingTheFieldAndTheMessageIsKept() throws IOException {
        Resident r = resident(13);
        Visit visit = new Visit("I", "WARD1", null, "21", "Z" + tag, null, "202603011000", null);
        String text = visitMessage("A01", "2.4", tag + "-1", "202603011000", r.patient(), visit);
        String withNul = text.replace(r.family + "^", r.family + "\0^");

        String answer = ack(MLLP_PORT, withNul);

        assertThat(answer).contains("MSA|AR|" + tag + "-1|PID-5 contains a NUL character (0x00)");
        assertThat(statuses(tag)).containsExactly("REJECTED");
        assertThat(jdbc.sql("select raw from adt_message where control_id = :c").param("c", tag + "-1")
                .query(String.class).single()).isEqualTo(withNul.replace('\0', '\uFFFD'));
        assertThat(code(ack(MLLP_PORT, text))).isEqualTo("AA");
        assertThat(statuses(tag)).containsExactly("REJECTED", "APPLIED");
    }

    @Test
    void aFieldLongerThanAnyHl7v2FieldIsAnsweredArNamingItAndTheFeedGoesOn() throws IOException {
        Resident r = resident(14);
        Visit visit = new Visit("I", "WARD1", null, "21", "Y" + tag, null, "202603011000", null);
        String longControlId = visitMessage("A01", "2.4", tag + "-" + "9".repeat(3000), "202603011000", r.patient(),
                visit);
        String longName = visitMessage("A01", "2.4", tag + "-2", "202603011000", r.patient(), visit)
                .replace(r.family + "^", r.family + "x".repeat(3000) + "^");

        String[] acks = AdtTestMessages.send(MLLP_PORT, longControlId, longName,
                visitMessage("A01", "2.4", tag + "-3", "202603011000", r.patient(), visit));

        assertThat(acks[0]).contains("MSA|AR|").contains("|MSH-10 is longer than 1000 characters");
        assertThat(acks[1]).contains("MSA|AR|" + tag + "-2|PID-5 is longer than 1000 characters");
        assertThat(code(acks[2])).isEqualTo("AA");
        assertThat(statuses(tag)).containsExactly("REJECTED", "REJECTED", "APPLIED");
    }

    @Test
    void administratorsSeeTheLogAndReadingAMessageIsAudited() throws IOException {
        Resident r = resident(11);
        ack(MLLP_PORT, visitMessage("A01", "2.4", tag + "-1", "202603011000", r.patient(),
                new Visit("I", "WARD1", null, "21", "L" + tag, null, "202603011000", null)));
        long id = messageId(tag + "-1");
        WebSession admin = WebSession.signedIn(httpPort, "admin", "demo-admin-2026");

        assertThat(admin.get("/admin/hl7-messages?status=APPLIED&event=A01").body()).contains(tag + "-1");
        assertThat(admin.get("/admin/hl7-messages/" + id).body()).contains("APPLIED").doesNotContain(r.family);
        assertThat(admin.get("/admin/hl7-messages/" + id + "/text").body()).contains(r.family);
        assertThat(WebSession.signedIn(httpPort, "gp", "demo-gp-2026").get("/admin/hl7-messages/" + id + "/text")
                .statusCode()).isEqualTo(403);
        assertThat(auditedReads(id)).isEqualTo(1);
        assertThat(new Http(httpPort).get("/actuator/prometheus").body())
                .contains("careweave_adt_messages_received_total").contains("careweave_adt_ack_latency_seconds");
    }

    // ---- fixtures --------------------------------------------------------------------------------

    record Resident(long id, String nhs, String family, String given, String birthDate, String sex, String tag) {
        Patient patient() {
            return new Patient(nhs, "H" + id, family, given, birthDate, sex);
        }
    }

    /** A demo resident with an NHS number, a different one per test (offset) and per run (ordered by id). */
    Resident resident(int offset) {
        return jdbc.sql("""
                        select id, nhs_number, family_name, given_name, to_char(birth_date, 'YYYYMMDD') as dob,
                               upper(left(sex, 1)) as sex
                          from person where nhs_number is not null and merged_into_id is null
                           and not exists (select 1 from adt_message m where m.person_id = person.id)
                         order by id offset :offset limit 1""")
                .param("offset", offset * 7)
                .query((rs, row) -> new Resident(rs.getLong("id"), rs.getString("nhs_number"), rs.getString("family_name"),
                        rs.getString("given_name"), rs.getString("dob"), rs.getString("sex"), tag))
                .single();
    }

    Map<String, Object> encounter(String visitNumber) {
        return jdbc.sql("""
                        select id, person_id, source_org_id, status, category, version, effective_start, effective_end,
                               resource::text as resource
                          from record_item where resource_type = 'Encounter' and source_id = :v""")
                .param("v", visitNumber).query().singleRow();
    }

    List<String> statuses(String controlPrefix) {
        return jdbc.sql("select status from adt_message where control_id like :p order by id")
                .param("p", controlPrefix + "-%").query(String.class).list();
    }

    long messageId(String controlId) {
        return jdbc.sql("select id from adt_message where control_id = :c").param("c", controlId)
                .query(Long.class).single();
    }

    long auditedReads(long messageId) {
        for (int i = 0; i < 50; i++) {
            long count = jdbc.sql("select count(*) from audit_event where entity_type = 'HL7v2Message' and entity_id = :id")
                    .param("id", Long.toString(messageId)).query(Long.class).single();
            if (count > 0) {
                return count;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return 0;
    }

    String unusedNhsNumber() {
        for (long n = 400_000_000L + Math.abs(tag.hashCode() % 10_000_000); ; n++) {
            String nine = Long.toString(n);
            int check = org.careweave.person.NhsNumber.checkDigitOf(nine);
            if (check == org.careweave.person.NhsNumber.NO_CHECK_DIGIT) {
                continue;
            }
            String nhs = nine + check;
            if (jdbc.sql("select count(*) from person where nhs_number = :n").param("n", nhs).query(Long.class).single() == 0) {
                return nhs;
            }
        }
    }

    String adminToken() {
        if (adminToken == null) {
            long icb = organisations.ensure("ICB" + tag.substring(0, 5), "Test ICB", OrganisationType.ICB);
            clients.register("hl7admin-" + tag, icb, "admin-secret-0123456", null, true);
            adminToken = Tokens.clientCredentials(new Http(httpPort), "hl7admin-" + tag, "admin-secret-0123456");
        }
        return adminToken;
    }

    String adminToken;

    HttpResponse<String> post(String path, String token) {
        return new Http(httpPort).send(HttpRequest.newBuilder(URI.create(new Http(httpPort).url(path)))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toInstant()
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
