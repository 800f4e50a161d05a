package org.careweave.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class VisitStateUnitTests {

    static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");
    static final Instant T3 = Instant.parse("2026-03-03T10:00:00Z");

    long ids;

    AdtMessages.VisitEvent event(String trigger, Instant at, String ward, Instant admitted, Instant discharged) {
        return new AdtMessages.VisitEvent(++ids, trigger, at, "C" + ids,
                new AdtFacts.Visit("I", ward, null, "21", null, "V1", discharged == null ? null : "19", admitted,
                        discharged));
    }

    @Test
    void aPreAdmissionIsPlannedUntilTheAdmission() {
        VisitState planned = VisitState.of(List.of(event("A05", T1, "W1", T2, null)));
        assertThat(planned.status).isEqualTo("planned");
        assertThat(planned.start).isEqualTo(T2);

        VisitState admitted = VisitState.of(List.of(event("A05", T1, "W1", T2, null), event("A01", T3, "W1", null, null)));
        assertThat(admitted.status).isEqualTo("in-progress");
        assertThat(admitted.start).isEqualTo(T3);
    }

    @Test
    void aCancelledDischargeReopensTheStay() {
        List<AdtMessages.VisitEvent> events = new ArrayList<>(List.of(event("A01", T1, "W1", T1, null),
                event("A03", T2, "W1", null, T2)));
        assertThat(VisitState.of(events).status).isEqualTo("finished");
        events.add(event("A13", T3, "W1", null, null));
        VisitState reopened = VisitState.of(events);
        assertThat(reopened.status).isEqualTo("in-progress");
        assertThat(reopened.end).isNull();
        assertThat(reopened.dischargeDisposition).isNull();
    }

    @Test
    void aCancelledTransferGoesBackToTheWardBefore() {
        VisitState state = VisitState.of(List.of(event("A01", T1, "W1", T1, null), event("A02", T2, "W2", null, null),
                event("A12", T3, null, null, null)));
        assertThat(state.ward).isEqualTo("W1");
    }

    @Test
    void anUpdateAloneGivesAStatusFromItsDates() {
        assertThat(VisitState.of(List.of(event("A08", T1, "W1", T1, null))).status).isEqualTo("in-progress");
        assertThat(VisitState.of(List.of(event("A08", T2, "W1", T1, T2))).status).isEqualTo("finished");
    }

    @Test
    void kindsFollowTheRecordsCategories() {
        assertThat(EncounterKind.of("E", null).category).isEqualTo("ae-attendance");
        assertThat(EncounterKind.of("I", "21").category).isEqualTo("emergency-admission");
        assertThat(EncounterKind.of("I", "E").category).isEqualTo("emergency-admission");
        assertThat(EncounterKind.of("I", "11").category).isEqualTo("elective-admission");
        assertThat(EncounterKind.of("O", null).category).isEqualTo("outpatient-attendance");
        assertThat(EncounterKind.of("N", null).category).isEqualTo("encounter");
    }

    @Test
    void hl7TimesWithoutAnOffsetAreUkLocalTime() {
        assertThat(Hl7Time.instant("202607011200", "F")).isEqualTo(Instant.parse("2026-07-01T11:00:00Z"));
        assertThat(Hl7Time.instant("20260101120000+0100", "F")).isEqualTo(Instant.parse("2026-01-01T11:00:00Z"));
        assertThat(Hl7Time.instant("20260101120000.1234", "F")).isEqualTo(Instant.parse("2026-01-01T12:00:00Z"));
        assertThatThrownBy(() -> Hl7Time.instant("19450231", "PID-7"))
                .hasMessageStartingWith("PID-7 is not a valid date/time");
        assertThatThrownBy(() -> Hl7Time.instant("tomorrow", "PID-7")).hasMessageStartingWith("PID-7 is not an HL7");
    }

    @Test
    void theHeaderIsReadFromTheTextAndRefusesWhatIsNotAccepted() {
        MessageHeader header = MessageHeader.read("MSH|^~\\&|PAS|R9A|CW|CW|202601011200||ADT^A01^ADT_A01|M1|P|2.3.1\rEVN|A01");
        assertThat(header.sendingFacility()).isEqualTo("R9A");
        assertThat(header.controlId()).isEqualTo("M1");
        assertThat(header.version()).isEqualTo("2.3.1");
        assertThat(header.refusal()).isNull();
        assertThat(MessageHeader.read("MSH|^~\\&|PAS|R9A|CW|CW|202601011200||ADT^A99|M1|P|2.4").refusal())
                .contains("not accepted");
        assertThat(MessageHeader.read("PID|1")).isNull();
    }
}
