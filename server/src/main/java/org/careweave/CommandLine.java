package org.careweave;

import java.util.Arrays;
import java.util.List;

import org.careweave.shared.Command;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Runs the command named by the first argument when CareWeave is started as a command rather than a server. */
@Component
@Profile("command")
class CommandLine implements ApplicationRunner, ExitCodeGenerator {

    private final List<Command> commands;
    private int exitCode;

    CommandLine(List<Command> commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String[] args = Arrays.stream(arguments.getSourceArgs()).filter(arg -> !isSetting(arg)).toArray(String[]::new);
        String name = args.length == 0 ? "" : args[0];
        exitCode = commands.stream().filter(c -> c.name().equals(name)).findFirst()
                .map(c -> c.run(List.of(Arrays.copyOfRange(args, 1, args.length)), System.out))
                .orElseGet(() -> {
                    System.err.println("Unknown command '" + name + "'. Commands:");
                    commands.forEach(c -> System.err.printf("  %-14s %s%n", c.name(), c.summary()));
                    return 2;
                });
    }

    /** {@code --careweave.data-dir=/x} and the like configure CareWeave itself, not the command. */
    static boolean isSetting(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 2 && arg.substring(2, equals).contains(".");
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
