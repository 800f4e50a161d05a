package org.careweave.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.careweave.CareWeaveApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Bad configuration stops start-up with one clear sentence that names the setting to fix. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTests {

    @Test
    void unwritableDataFolderNamesTheDataDirSetting(CapturedOutput output) throws IOException {
        Path notAFolder = Files.createTempFile(Files.createDirectories(Path.of("target")).toAbsolutePath(), "careweave-", ".file");

        assertThatThrownBy(() -> start("--careweave.data-dir=" + notAFolder.resolve("data"), "--server.port=0"))
                .isInstanceOf(Exception.class);

        assertThat(output).contains("CareWeave cannot write its data folder " + notAFolder.resolve("data"))
                .contains("Set careweave.data-dir (environment variable CAREWEAVE_DATA_DIR)");
    }

    @Test
    void unreachableDatabaseNamesTheDatabaseSettings(CapturedOutput output) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/careweave";

        assertThatThrownBy(() -> start("--spring.datasource.url=" + url, "--spring.datasource.username=x",
                "--spring.datasource.hikari.initialization-fail-timeout=1", "--server.port=0"))
                .isInstanceOf(Exception.class);

        assertThat(output).contains("CareWeave cannot connect to the database at " + url)
                .contains("Check CAREWEAVE_DB_URL (spring.datasource.url)");
    }

    @Test
    void portInUseNamesThePortSetting(CapturedOutput output) throws IOException {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-databases")),
                "careweave-port-test-");
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> start("--careweave.data-dir=" + dataDir, "--careweave.demo.enabled=false",
                    "--server.port=" + taken.getLocalPort()))
                    .isInstanceOf(Exception.class);

            assertThat(output).contains("Port " + taken.getLocalPort() + " is already in use by another program.")
                    .contains("set server.port (environment variable PORT) to a free port");
        }
    }

    @Test
    void dataFolderOfARunningCareWeaveNamesTheOtherProcess(CapturedOutput output) throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-databases")),
                "careweave-in-use-test-").toAbsolutePath();
        Process other = PostgresInAnotherProcess.start(dataDir, PostgresInAnotherProcess.Ending.HOLD);
        try {
            assertThatThrownBy(() -> start("--careweave.data-dir=" + dataDir, "--server.port=0"))
                    .isInstanceOf(Exception.class);

            assertThat(output).contains("Another CareWeave process is using the data folder " + dataDir.resolve("postgres"))
                    .contains("Stop that CareWeave first, or set careweave.data-dir");
        } finally {
            other.getOutputStream().close();
            assertThat(other.waitFor(2, TimeUnit.MINUTES)).isTrue();
        }
    }

    /** Starts CareWeave with these arguments and MLLP on a free port, so only the failure under test can stop it. */
    private static void start(String... args) {
        String[] withFreeMllp = java.util.Arrays.copyOf(args, args.length + 1);
        withFreeMllp[args.length] = "--careweave.mllp.port=0";
        new SpringApplicationBuilder(CareWeaveApplication.class).run(withFreeMllp);
    }
}
