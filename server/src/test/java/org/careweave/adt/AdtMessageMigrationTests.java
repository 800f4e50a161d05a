package org.careweave.adt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.careweave.support.CareWeaveTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V80 on a message log that V40's index let duplicates into, in a scratch schema migrated step by step. */
@CareWeaveTest
class AdtMessageMigrationTests {

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;

    @Test
    void copiesTakenAgainWithoutSendingApplicationStopHoldingTheControlId() {
        String schema = "scratch_" + UUID.randomUUID().toString().replace("-", "");
        try {
            migrate(schema, "79");
            insert(schema, null, "R9A", "C1", "APPLIED");
            insert(schema, null, "R9A", "C1", "APPLIED");
            insert(schema, "PAS", null, "C1", "FAILED");
            insert(schema, "PAS", null, "C1", "UNMATCHED");
            insert(schema, "PAS", "R9A", "C1", "APPLIED");
            insert(schema, null, "R9A", "C2", "APPLIED");

            migrate(schema, "80");

            assertThat(jdbc.sql("select status from " + schema + ".adt_message order by id").query(String.class)
                    .list()).containsExactly("APPLIED", "REJECTED", "FAILED", "REJECTED", "APPLIED", "APPLIED");
            List<String> reasons = jdbc.sql("select status_reason from " + schema
                    + ".adt_message where status = 'REJECTED' order by id").query(String.class).list();
            assertThat(reasons).allSatisfy(reason -> assertThat(reason).startsWith("duplicate of message "));
            assertThat(jdbc.sql("insert into " + schema + ".adt_message (sending_facility, control_id, status, "
                    + "ack_code, raw) values ('R9A', 'C2', 'APPLIED', 'AA', '') on conflict (sending_application, "
                    + "sending_facility, control_id) where status <> 'REJECTED' do nothing").update()).isZero();
        } finally {
            jdbc.sql("drop schema if exists " + schema + " cascade").update();
        }
    }

    private void migrate(String schema, String version) {
        Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").target(version)
                .load().migrate();
    }

    private void insert(String schema, String application, String facility, String controlId, String status) {
        jdbc.sql("insert into " + schema + ".adt_message (sending_application, sending_facility, control_id, status, "
                        + "ack_code, raw) values (:app, :facility, :control, :status, 'AA', '')")
                .param("app", application).param("facility", facility).param("control", controlId)
                .param("status", status).update();
    }
}
