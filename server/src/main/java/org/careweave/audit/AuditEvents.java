package org.careweave.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit_event table: append, stream in chain order, search. */
@Repository
class AuditEvents {

    /** Serialises appends across threads and nodes so each event links to the one committed before it. */
    private static final long CHAIN_LOCK = 0x0A0D17L;

    private static final String COLUMNS = """
            id, occurred_at, action, outcome, outcome_reason, actor, actor_type, roles, organisation, purpose,
            person_id, entity_type, entity_id, query, client""";

    private final JdbcClient jdbc;

    AuditEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends a batch inside the caller's (new, short) transaction, each event linked to the one before.
     *
     * @param durable false lets PostgreSQL acknowledge the commit before it reaches disk; used for reads, where a
     *                crash could lose the last fraction of a second of events but never corrupt or reorder the chain
     */
    void appendAll(List<AuditEvent> batch, boolean durable) {
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query(Object.class).list();
        if (!durable) {
            jdbc.sql("set local synchronous_commit to off").update();
        }
        String previous = jdbc.sql("select hash from audit_event order by id desc limit 1")
                .query(String.class).optional().orElse(ChainHash.GENESIS);
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('audit_event', 'id')) from generate_series(1, :n)")
                .param("n", batch.size()).query(Long.class).list();
        Instant now = ChainHash.truncate(Instant.now());
        int n = batch.size();
        Columns columns = new Columns(n);
        for (int i = 0; i < n; i++) {
            AuditEvent event = batch.get(i);
            AuditEvent numbered = new AuditEvent(ids.get(i), now, event.action(), event.outcome(),
                    event.outcomeReason(), event.actor(), event.actorType(), event.roles(), event.organisation(),
                    event.purpose(), event.personId(), event.entityType(), event.entityId(), event.query(),
                    event.client());
            String hash = ChainHash.of(numbered, previous);
            columns.set(i, numbered, previous, hash);
            previous = hash;
        }
        // One statement for the whole batch: a column of values per parameter, turned back into rows by unnest.
        jdbc.sql("insert into audit_event (" + COLUMNS + ", previous_hash, hash)"
                        + " select * from unnest(cast(:id as bigint[]), cast(:at as timestamptz[]), cast(:action as text[]),"
                        + " cast(:outcome as text[]), cast(:reason as text[]), cast(:actor as text[]),"
                        + " cast(:actorType as text[]), cast(:roles as text[]), cast(:organisation as text[]),"
                        + " cast(:purpose as text[]), cast(:person as bigint[]), cast(:entityType as text[]),"
                        + " cast(:entityId as text[]), cast(:query as text[]), cast(:client as text[]),"
                        + " cast(:previous as text[]), cast(:hash as text[]))")
                .param("id", columns.id).param("at", columns.at).param("action", columns.action)
                .param("outcome", columns.outcome).param("reason", columns.reason).param("actor", columns.actor)
                .param("actorType", columns.actorType).param("roles", columns.roles)
                .param("organisation", columns.organisation).param("purpose", columns.purpose)
                .param("person", columns.person).param("entityType", columns.entityType)
                .param("entityId", columns.entityId).param("query", columns.query).param("client", columns.client)
                .param("previous", columns.previous).param("hash", columns.hash)
                .update();
    }

    /** A batch of events as one array per column. */
    private static final class Columns {
        final Long[] id;
        final Long[] person;
        final String[] at, action, outcome, reason, actor, actorType, roles, organisation, purpose, entityType,
                entityId, query, client, previous, hash;

        Columns(int n) {
            id = new Long[n];
            person = new Long[n];
            at = new String[n];
            action = new String[n];
            outcome = new String[n];
            reason = new String[n];
            actor = new String[n];
            actorType = new String[n];
            roles = new String[n];
            organisation = new String[n];
            purpose = new String[n];
            entityType = new String[n];
            entityId = new String[n];
            query = new String[n];
            client = new String[n];
            previous = new String[n];
            hash = new String[n];
        }

        void set(int i, AuditEvent event, String previousHash, String eventHash) {
            id[i] = event.id();
            at[i] = event.occurredAt().toString();
            action[i] = event.action().name();
            outcome[i] = event.outcome().name();
            reason[i] = event.outcomeReason();
            actor[i] = event.actor();
            actorType[i] = event.actorType().name();
            roles[i] = event.roles();
            organisation[i] = event.organisation();
            purpose[i] = event.purpose();
            person[i] = event.personId();
            entityType[i] = event.entityType();
            entityId[i] = event.entityId();
            query[i] = event.query();
            client[i] = event.client();
            previous[i] = previousHash;
            hash[i] = eventHash;
        }
    }

    record Head(long id, String hash, String firstHash) {
    }

    /** The newest event and the first event's hash, which tells one audit trail from another. */
    java.util.Optional<Head> head() {
        return jdbc.sql("""
                        select h.id, h.hash, (select hash from audit_event order by id limit 1) as first_hash
                          from (select id, hash from audit_event order by id desc limit 1) h""")
                .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** Makes the surrounding transaction write a commit record, so its commit waits for all WAL before it. */
    void forceDurable() {
        jdbc.sql("select pg_current_xact_id()").query(Object.class).single();
    }

    /** Every event with its stored hashes, oldest first, streamed rather than loaded. */
    void inChainOrder(Consumer<StoredEvent> each) {
        jdbc.sql("select " + COLUMNS + ", previous_hash, hash from audit_event order by id")
                .withFetchSize(2000)
                .query((ResultSet rs) -> {
                    each.accept(new StoredEvent(event(rs, 0), rs.getString("previous_hash"), rs.getString("hash")));
                });
    }

    List<AuditEvent> search(AuditQuery q) {
        return jdbc.sql("select " + COLUMNS + """
                         from audit_event
                        where (cast(:from as timestamptz) is null or occurred_at >= cast(:from as timestamptz))
                          and (cast(:to as timestamptz) is null or occurred_at < cast(:to as timestamptz))
                          and (cast(:actor as text) is null or actor = cast(:actor as text))
                          and (cast(:person as bigint) is null or person_id = cast(:person as bigint))
                          and (cast(:action as text) is null or action = cast(:action as text))
                          and (cast(:outcome as text) is null or outcome = cast(:outcome as text))
                          and (cast(:before as bigint) is null or id < cast(:before as bigint))
                        order by id desc
                        limit :limit""")
                .param("from", q.from() == null ? null : Timestamp.from(q.from()))
                .param("to", q.to() == null ? null : Timestamp.from(q.to()))
                .param("actor", q.actor()).param("person", q.personId())
                .param("action", q.action() == null ? null : q.action().name())
                .param("outcome", q.outcome() == null ? null : q.outcome().name())
                .param("before", q.beforeId()).param("limit", q.limit())
                .query(AuditEvents::event).list();
    }

    record StoredEvent(AuditEvent event, String previousHash, String hash) {
    }

    private static AuditEvent event(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                AuditEvent.Action.valueOf(rs.getString("action")), AuditEvent.Outcome.valueOf(rs.getString("outcome")),
                rs.getString("outcome_reason"), rs.getString("actor"),
                AuditEvent.ActorType.valueOf(rs.getString("actor_type")), rs.getString("roles"),
                rs.getString("organisation"), rs.getString("purpose"), rs.getObject("person_id", Long.class),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("query"), rs.getString("client"));
    }
}
