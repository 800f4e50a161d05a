package org.careweave.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.careweave.CareWeaveApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A bad site-supplied risk data file stops start-up with the file, the line and the setting to fix. */
@ExtendWith(OutputCaptureExtension.class)
class RiskFileStartupFailureTests {

    @Test
    void aBadDeficitsFileNamesTheFileTheLineAndTheSetting(CapturedOutput output) throws IOException {
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-databases")),
                "careweave-risk-file-test-").toAbsolutePath();
        Path deficits = Files.writeString(folder.resolve("deficits.csv"), """
                deficit,code,term
                # a site's list
                Arthritis,not-a-code,Arthritis
                """);

        assertThatThrownBy(() -> new SpringApplicationBuilder(CareWeaveApplication.class).run(
                "--careweave.data-dir=" + folder.resolve("data"), "--careweave.demo.enabled=false",
                "--server.port=0", "--careweave.mllp.port=0", "--careweave.risk.deficits-file=" + deficits))
                .isInstanceOf(Exception.class);

        assertThat(output).contains("CareWeave cannot use a risk data file: " + deficits
                        + " line 3: 'not-a-code' is not a SNOMED CT concept id")
                .contains("set careweave.risk.deficits-file to a correct file")
                .doesNotContain("Application run failed");
    }
}
