package org.careweave.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

/**
 * A CareWeave that died without closing leaves its embedded PostgreSQL running; the next start on the same data
 * folder stops it and starts as usual, keeping what was committed. A CareWeave that is still running keeps its
 * database, and a second one on its folder is refused with a reason.
 */
class LeftoverPostgresTests {

    @Test
    void aServerLeftRunningByAProcessThatDiedIsStoppedAndTheNextStartKeepsItsData() throws Exception {
        Path dataDir = newDataDir();
        Process child = PostgresInAnotherProcess.start(dataDir, PostgresInAnotherProcess.Ending.HALT);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        ProcessHandle leftover = serverNamedIn(dataDir);
        try {
            assertThat(leftover.isAlive()).as("the halted process's PostgreSQL is still running").isTrue();

            try (EmbeddedPostgres postgres = startLikeCareWeave(dataDir)) {
                assertThat(leftover.isAlive()).isFalse();
                assertThat(serverNamedIn(dataDir).pid()).isNotEqualTo(leftover.pid());
                assertThat(notesIn(postgres)).containsExactly("committed before the process died");
            }
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void aFolderWhoseDatabaseARunningProcessHoldsIsRefusedAndItsServerLeftAlone() throws Exception {
        Path dataDir = newDataDir();
        Process child = PostgresInAnotherProcess.start(dataDir, PostgresInAnotherProcess.Ending.HOLD);
        try {
            ProcessHandle running = serverNamedIn(dataDir);

            assertThatThrownBy(() -> startLikeCareWeave(dataDir))
                    .isInstanceOf(DataDirectoryProblem.class)
                    .hasMessage("Another CareWeave process is using the data folder " + dataDir.resolve("postgres") + ".");
            assertThat(running.isAlive()).isTrue();
        } finally {
            child.getOutputStream().close();
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).isZero();
    }

    @Test
    void aLockFileNamingAnotherLiveProgramIsReportedWithoutTouchingThatProgram() throws Exception {
        Path dataDir = newDataDir();
        try (EmbeddedPostgres postgres = startLikeCareWeave(dataDir)) {
            // stopped below; started only so the folder is a real, initialised database folder
        }
        Path postgresDir = dataDir.resolve("postgres");
        Process stranger = new ProcessBuilder("sleep", "300").start();
        try {
            Files.writeString(postgresDir.resolve("postmaster.pid"), stranger.pid() + "\n" + postgresDir + "\n");

            assertThatThrownBy(() -> startLikeCareWeave(dataDir))
                    .isInstanceOf(DataDirectoryProblem.class)
                    .hasMessageContaining("its postmaster.pid names process " + stranger.pid())
                    .hasMessageContaining("is not a PostgreSQL server of this folder");
            assertThat(stranger.isAlive()).isTrue();
        } finally {
            stranger.destroyForcibly();
        }
    }

    private static Path newDataDir() throws IOException {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-databases")).toAbsolutePath(),
                "careweave-leftover-");
    }

    private static EmbeddedPostgres startLikeCareWeave(Path dataDir) throws IOException {
        return new EmbeddedDatabaseConfiguration().embeddedPostgres(new DatabaseSettings(dataDir));
    }

    private static ProcessHandle serverNamedIn(Path dataDir) throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).orElseThrow();
    }

    private static List<String> notesIn(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select note from left_behind")) {
            List<String> notes = new ArrayList<>();
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
            return notes;
        }
    }
}
