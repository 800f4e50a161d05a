package org.careweave.adt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The message log (adt_message): every message received, its outcome and the visit facts encounters fold from. */
@Repository
class AdtMessages {

    private static final String SUMMARY = """
            select id, received_at, sending_application, sending_facility, control_id, message_type, trigger_event,
                   version, event_time, status, ack_code, status_reason, attempts, processed_at, hospital_org_id,
                   person_id, encounter_item_id from adt_message""";

    private final JdbcClient jdbc;

    AdtMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes this transaction's commit wait for the WAL flush whatever the server's default (an external database may
     * run with synchronous_commit off): a message is acknowledged only once it would survive a crash.
     */
    void commitDurably() {
        jdbc.sql("set local synchronous_commit to on").update();
    }

    /**
     * Claims the control id for a new message, provisionally failed until its outcome is recorded in the same
     * transaction.
     *
     * @return the new row's id, or empty when the sender's control id was received before
     */
    Optional<Long> claim(MessageHeader header, String raw) {
        return jdbc.sql("""
                        insert into adt_message (sending_application, sending_facility, control_id, message_type,
                                                 trigger_event, version, status, ack_code, status_reason, raw)
                        values (:app, :facility, :control, :type, :event, :version, 'FAILED', 'AE', 'processing', :raw)
                        on conflict (sending_application, sending_facility, control_id) where status <> 'REJECTED'
                        do nothing returning id""")
                .param("app", header.sendingApplication()).param("facility", header.sendingFacility())
                .param("control", header.controlId()).param("type", header.messageType())
                .param("event", header.triggerEvent()).param("version", header.version()).param("raw", raw)
                .query(Long.class).optional();
    }

    /** The earlier message with this control id, for answering a duplicate. */
    Optional<MessageSummary> original(MessageHeader header) {
        return jdbc.sql(SUMMARY + "\n" + """
                         where sending_application is not distinct from :app
                           and sending_facility is not distinct from :facility and control_id = :control
                           and status <> 'REJECTED'""")
                .param("app", header.sendingApplication()).param("facility", header.sendingFacility())
                .param("control", header.controlId()).query(AdtMessages::summary).optional();
    }

    /** A message that cannot be read, kept as received. */
    long insertRejected(MessageHeader header, String raw, String reason) {
        return jdbc.sql("""
                        insert into adt_message (sending_application, sending_facility, control_id, message_type,
                                                 trigger_event, version, status, ack_code, status_reason, raw)
                        values (:app, :facility, :control, :type, :event, :version, 'REJECTED', 'AR', :reason, :raw)
                        returning id""")
                .param("app", header == null ? null : header.sendingApplication())
                .param("facility", header == null ? null : header.sendingFacility())
                .param("control", header == null ? null : header.controlId())
                .param("type", header == null ? null : header.messageType())
                .param("event", header == null ? null : header.triggerEvent())
                .param("version", header == null ? null : header.version())
                .param("reason", reason).param("raw", raw).query(Long.class).single();
    }

    void recordFacts(long id, AdtFacts facts, Long hospitalId) {
        AdtFacts.Visit visit = facts.visit();
        jdbc.sql("""
                        update adt_message set event_time = :eventTime, hospital_org_id = :hospital,
                               visit_number = :visitNumber, patient_class = :class, ward = :ward,
                               prior_ward = :priorWard, admission_type = :admissionType, admit_source = :admitSource,
                               admitted_at = :admitted, discharged_at = :discharged, discharge_disposition = :disposition
                         where id = :id""")
                .param("eventTime", timestamp(facts.eventTime())).param("hospital", hospitalId)
                .param("visitNumber", visit == null ? null : visit.visitNumber())
                .param("class", visit == null ? null : visit.patientClass())
                .param("ward", visit == null ? null : visit.ward())
                .param("priorWard", visit == null ? null : visit.priorWard())
                .param("admissionType", visit == null ? null : visit.admissionType())
                .param("admitSource", visit == null ? null : visit.admitSource())
                .param("admitted", visit == null ? null : timestamp(visit.admittedAt()))
                .param("discharged", visit == null ? null : timestamp(visit.dischargedAt()))
                .param("disposition", visit == null ? null : visit.dischargeDisposition())
                .param("id", id).update();
    }

    void recordOutcome(long id, Outcome outcome) {
        jdbc.sql("""
                        update adt_message set status = :status, ack_code = :ack, status_reason = :reason,
                               person_id = :person, encounter_item_id = :encounter, processed_at = now()
                         where id = :id""")
                .param("status", outcome.status().name()).param("ack", outcome.ack().name())
                .param("reason", outcome.reason()).param("person", outcome.personId())
                .param("encounter", outcome.encounterItemId()).param("id", id).update();
    }

    /**
     * Serialises the messages of one visit across connections until commit, so each fold sees every message applied
     * before it and no encounter update is lost.
     */
    void lockVisit(long hospitalId, String visitNumber) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('adt-visit:' || :hospital || ':' || :visit))")
                .param("hospital", hospitalId).param("visit", visitNumber).query(Object.class).single();
    }

    /** The applied messages of one visit in the order their events happened. */
    List<VisitEvent> visitEvents(long hospitalId, String visitNumber) {
        return jdbc.sql("""
                        select id, trigger_event, event_time, control_id, patient_class, ward, prior_ward,
                               admission_type, admit_source, admitted_at, discharged_at, discharge_disposition
                          from adt_message
                         where hospital_org_id = :hospital and visit_number = :visit and status = 'APPLIED'
                         order by event_time, id""")
                .param("hospital", hospitalId).param("visit", visitNumber)
                .query((rs, row) -> new VisitEvent(rs.getLong("id"), rs.getString("trigger_event"),
                        instant(rs, "event_time"), rs.getString("control_id"), new AdtFacts.Visit(
                        rs.getString("patient_class"), rs.getString("ward"), rs.getString("prior_ward"),
                        rs.getString("admission_type"), rs.getString("admit_source"), visitNumber,
                        rs.getString("discharge_disposition"), instant(rs, "admitted_at"),
                        instant(rs, "discharged_at"))))
                .list();
    }

    /** Locks a stored message for re-processing and returns its text, if it is waiting (unmatched or failed). */
    Optional<String> lockWaiting(long id) {
        return jdbc.sql("select raw from adt_message where id = :id and status in ('UNMATCHED', 'FAILED') for update")
                .param("id", id).query(String.class).optional();
    }

    void countAttempt(long id) {
        jdbc.sql("update adt_message set attempts = attempts + 1 where id = :id").param("id", id).update();
    }

    List<Long> waitingIds(int limit) {
        return jdbc.sql("select id from adt_message where status in ('UNMATCHED', 'FAILED') order by id limit :limit")
                .param("limit", limit).query(Long.class).list();
    }

    List<MessageSummary> search(MessageFilter filter) {
        return jdbc.sql(SUMMARY + "\n" + """
                         where (cast(:status as text) is null or status = :status)
                           and (cast(:event as text) is null or trigger_event = :event)
                           and (cast(:from as timestamptz) is null or received_at >= :from)
                           and (cast(:to as timestamptz) is null or received_at < :to)
                         order by received_at desc, id desc limit :limit""")
                .param("status", filter.status()).param("event", filter.triggerEvent())
                .param("from", timestamp(filter.from())).param("to", timestamp(filter.to()))
                .param("limit", filter.limit()).query(AdtMessages::summary).list();
    }

    Optional<MessageSummary> find(long id) {
        return jdbc.sql(SUMMARY + " where id = :id").param("id", id).query(AdtMessages::summary).optional();
    }

    Optional<String> raw(long id) {
        return jdbc.sql("select raw from adt_message where id = :id").param("id", id).query(String.class).optional();
    }

    private static MessageSummary summary(ResultSet rs, int row) throws SQLException {
        return new MessageSummary(rs.getLong("id"), instant(rs, "received_at"), rs.getString("sending_application"),
                rs.getString("sending_facility"), rs.getString("control_id"), rs.getString("message_type"),
                rs.getString("trigger_event"), rs.getString("version"), instant(rs, "event_time"),
                MessageStatus.valueOf(rs.getString("status")), rs.getString("ack_code"),
                rs.getString("status_reason"), rs.getInt("attempts"), instant(rs, "processed_at"),
                rs.getObject("hospital_org_id", Long.class), rs.getObject("person_id", Long.class),
                rs.getObject("encounter_item_id", Long.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** One applied message of a visit, as the encounter is folded from it. */
    record VisitEvent(long messageId, String triggerEvent, Instant eventTime, String controlId, AdtFacts.Visit visit) {
    }
}
