package org.careweave.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.careweave.support.CareWeaveTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A commit CareWeave reports is on disk: the embedded database does not keep zonky's test-only shortcuts. */
@CareWeaveTest
class DurabilityIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void commitsAreFlushedToDisk() {
        assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show full_page_writes").query(String.class).single()).isEqualTo("on");
    }
}
