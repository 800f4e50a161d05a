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

    static final String USAGE = """
            Usage: careweave [--setting=value ...]                  serve the web UI, REST and FHIR APIs
                   careweave COMMAND [ARGS...] [--setting=value ...]  run a command against the database and exit
                   careweave --help | -h                            show this help

            Commands:
              generate --residents N --seed S [--append] [--as-of YYYY-MM-DD]
                              fill the database with a synthetic neighbourhood
              risk-recompute  recompute everyone's risk scores (eFI, CMS, utilisation, priority) now
              audit-verify    verify the audit trail's hash chain and name the first broken event

            Settings are any setting with a dot in its name, e.g. --careweave.data-dir=/tmp/cw (see README.md).
            """;

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
                    System.err.println("Unknown command '" + name + "'.");
                    System.err.print(USAGE);
                    return 2;
                });
    }

    static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
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
