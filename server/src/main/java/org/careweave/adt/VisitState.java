package org.careweave.adt;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A hospital visit as its applied messages describe it, folded in event-time order (then arrival order), so the
 * result does not depend on the order in which messages arrived. The rules are in docs/adt.md.
 */
final class VisitState {

    String status;
    String patientClass;
    String ward;
    String admissionType;
    String admitSource;
    Instant start;
    Instant end;
    String dischargeDisposition;
    private final Deque<String> wards = new ArrayDeque<>();

    static VisitState of(List<AdtMessages.VisitEvent> events) {
        VisitState state = new VisitState();
        events.forEach(state::apply);
        return state;
    }

    private void apply(AdtMessages.VisitEvent event) {
        AdtFacts.Visit v = event.visit();
        patientClass = keep(v.patientClass(), patientClass);
        admissionType = keep(v.admissionType(), admissionType);
        admitSource = keep(v.admitSource(), admitSource);
        switch (event.triggerEvent()) {
            case "A05" -> {
                status = status == null || "cancelled".equals(status) ? "planned" : status;
                start = keep(v.admittedAt(), start);
                moveTo(v.ward());
            }
            case "A01", "A04" -> {
                boolean wasExpected = status == null || "planned".equals(status) || "cancelled".equals(status);
                start = keep(v.admittedAt(), wasExpected || start == null ? event.eventTime() : start);
                status = "finished".equals(status) ? status : "in-progress";
                moveTo(v.ward());
            }
            case "A02" -> {
                status = status == null || "planned".equals(status) ? "in-progress" : status;
                moveTo(v.ward());
            }
            case "A03" -> {
                status = "finished";
                end = keep(v.dischargedAt(), event.eventTime());
                dischargeDisposition = keep(v.dischargeDisposition(), dischargeDisposition);
                ward = keep(v.ward(), ward);
            }
            case "A11" -> status = "cancelled";
            case "A12" -> cancelTransfer(v.priorWard());
            case "A13" -> {
                status = "in-progress";
                end = null;
                dischargeDisposition = null;
            }
            case "A08" -> update(v);
            default -> throw new IllegalStateException("No visit rule for " + event.triggerEvent());
        }
        if (start == null) {
            start = v.admittedAt();
        }
    }

    /** An update changes details, never the status, except to give one to a visit known only from updates. */
    private void update(AdtFacts.Visit v) {
        start = keep(v.admittedAt(), start);
        if (v.ward() != null && !v.ward().equals(ward)) {
            moveTo(v.ward());
        }
        if (status == null) {
            status = v.dischargedAt() != null ? "finished" : v.admittedAt() != null ? "in-progress" : "planned";
        }
        if ("finished".equals(status)) {
            end = keep(v.dischargedAt(), end);
            dischargeDisposition = keep(v.dischargeDisposition(), dischargeDisposition);
        }
    }

    private void cancelTransfer(String priorWard) {
        if (!wards.isEmpty()) {
            wards.pop();
        }
        String back = priorWard != null ? priorWard : wards.peek();
        if (back != null) {
            ward = back;
            if (wards.isEmpty() || !back.equals(wards.peek())) {
                wards.push(back);
            }
        }
    }

    private void moveTo(String newWard) {
        if (newWard != null) {
            ward = newWard;
            wards.push(newWard);
        }
    }

    private static <T> T keep(T incoming, T current) {
        return incoming != null ? incoming : current;
    }
}
