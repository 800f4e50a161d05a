package org.careweave.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class GenerateArgumentsUnitTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

    @Test
    void readsOptionsWithSpacesOrEqualsSigns() {
        assertThat(parse("generate", "--residents", "1000", "--seed", "-7"))
                .isEqualTo(new GenerateArguments(1000, -7, false, TODAY));
        assertThat(parse("generate", "--seed=3", "--residents=5000000", "--append", "--as-of", "2025-12-31"))
                .isEqualTo(new GenerateArguments(5_000_000, 3, true, LocalDate.of(2025, 12, 31)));
    }

    @Test
    void leavesSpringSettingsToSpring() {
        assertThat(parse("generate", "--careweave.data-dir=/tmp/x", "--residents", "10", "--seed", "1",
                "--spring.datasource.url=jdbc:postgresql://db/x"))
                .isEqualTo(new GenerateArguments(10, 1, false, TODAY));
    }

    @Test
    void refusesResidentCountsOutsideOneToFiveMillion() {
        assertInvalid("--residents must be between 1 and 5000000, not 0", "--residents", "0", "--seed", "1");
        assertInvalid("--residents must be between 1 and 5000000, not 5000001", "--residents", "5000001",
                "--seed", "1");
        assertInvalid("--residents must be a whole number, not 'lots'", "--residents", "lots", "--seed", "1");
    }

    @Test
    void requiresResidentsAndAWholeNumberSeed() {
        assertInvalid("--residents is required", "--seed", "1");
        assertInvalid("--seed is required", "--residents", "10");
        assertInvalid("--seed must be a whole number (up to 19 digits), not '1.5'", "--residents", "10",
                "--seed", "1.5");
        assertInvalid("--seed needs a value", "--residents", "10", "--seed");
        assertInvalid("--residents needs a value", "--residents", "--seed", "1");
    }

    @Test
    void namesAnUnknownOption() {
        assertInvalid("Unknown option '--people'", "--people", "10", "--seed", "1");
        assertInvalid("--as-of must be a date like 2026-04-01, not '1/4/26'", "--residents", "10", "--seed", "1",
                "--as-of", "1/4/26");
    }

    @Test
    void commandExitsWithTwoAndUsageOnABadCommandLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // The bad command lines below are refused before the generator would be used, so none is needed.
        GenerateCommand command = new GenerateCommand(null, true, new PrintStream(out), new PrintStream(err));
        assertThat(command.run(java.util.List.of("--residents", "10", "--bogus"), new PrintStream(out)))
                .isEqualTo(GenerateCommand.USAGE);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("Unknown option '--bogus'", "Usage: careweave generate --residents N --seed S");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static GenerateArguments parse(String... args) {
        return GenerateArguments.parse(args, TODAY);
    }

    private static void assertInvalid(String message, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "generate";
        System.arraycopy(options, 0, args, 1, options.length);
        assertThatThrownBy(() -> parse(args)).isInstanceOf(GenerateArguments.Invalid.class).hasMessage(message);
    }
}
