package org.careweave;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineUnitTests {

    @Test
    void dottedSettingsConfigureCareWeaveAndEverythingElseGoesToTheCommand() {
        assertThat(CommandLine.isSetting("--careweave.data-dir=/tmp/x")).isTrue();
        assertThat(CommandLine.isSetting("--spring.datasource.url=jdbc:postgresql://h/db")).isTrue();
        assertThat(CommandLine.isSetting("--residents")).isFalse();
        assertThat(CommandLine.isSetting("--seed=7")).isFalse();
        assertThat(CommandLine.isSetting("1000")).isFalse();
        assertThat(CommandLine.isSetting("generate")).isFalse();
    }
}
