package org.careweave;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code careweave --help} and {@code -h} print the usage and start nothing (no server, no database, no demo data). */
@ExtendWith(OutputCaptureExtension.class)
class CommandLineHelpTests {

    /** Were help taken for a setting, these would start a server that stays small and out of the way. */
    private static final String[] HARMLESS_SETTINGS = {"--server.port=0", "--careweave.mllp.port=0",
            "--careweave.demo.enabled=false", "--careweave.data-dir=target/test-databases/help"};

    @Test
    void helpPrintsTheUsageAndStartsNothing(CapturedOutput output) {
        for (String help : new String[] {"--help", "-h"}) {
            String[] args = new String[HARMLESS_SETTINGS.length + 1];
            args[0] = help;
            System.arraycopy(HARMLESS_SETTINGS, 0, args, 1, HARMLESS_SETTINGS.length);

            CareWeaveApplication.main(args);
        }

        assertThat(output.getOut()).contains("Usage: careweave").contains("generate --residents N --seed S")
                .contains("risk-recompute").contains("audit-verify").contains("--help | -h");
        assertThat(output).doesNotContain("Started CareWeaveApplication").doesNotContain("Tomcat");
    }

    @Test
    void onlyHelpIsTakenForHelpSoSettingsStillStartTheServer() {
        assertThat(CommandLine.isHelp("--help")).isTrue();
        assertThat(CommandLine.isHelp("-h")).isTrue();
        assertThat(CommandLine.isHelp("--server.port=9090")).isFalse();
        assertThat(CommandLine.isHelp("--helpful.setting=1")).isFalse();
    }
}
