package org.careweave.synth;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The options of {@code careweave generate}. Arguments of the form {@code --some.property=value} (a dot in the
 * name) are Spring settings such as {@code --careweave.data-dir=...} and are left to Spring.
 */
record GenerateArguments(int residents, long seed, boolean append, LocalDate asOf) {

    static final String USAGE = """
            Usage: careweave generate --residents N --seed S [--append] [--as-of YYYY-MM-DD]
              --residents N  how many residents to generate (1 to 5,000,000)
              --seed S       any whole number; the same seed, size and --as-of date give the same data
              --append       add to a database that already has residents (otherwise refused)
              --as-of DATE   the "today" of the generated data (default: today)""";

    /** A command line that cannot be run; the message says what is wrong. */
    static class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    static GenerateArguments parse(String[] args, LocalDate today) {
        Integer residents = null;
        Long seed = null;
        boolean append = false;
        LocalDate asOf = today;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (isSpringSetting(arg)) {
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inlineValue = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--residents" -> {
                    String value = inlineValue != null ? inlineValue : valueAfter(args, i++, name);
                    residents = residents(value);
                }
                case "--seed" -> seed = seed(inlineValue != null ? inlineValue : valueAfter(args, i++, name));
                case "--as-of" -> asOf = date(inlineValue != null ? inlineValue : valueAfter(args, i++, name));
                case "--append" -> {
                    if (inlineValue != null) {
                        throw new Invalid("--append takes no value");
                    }
                    append = true;
                }
                default -> throw new Invalid("Unknown option '" + arg + "'");
            }
        }
        if (residents == null) {
            throw new Invalid("--residents is required");
        }
        if (seed == null) {
            throw new Invalid("--seed is required");
        }
        return new GenerateArguments(residents, seed, append, asOf);
    }

    private static boolean isSpringSetting(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 0 && arg.substring(2, equals).contains(".");
    }

    private static String valueAfter(String[] args, int index, String name) {
        if (index + 1 >= args.length || args[index + 1].startsWith("--")) {
            throw new Invalid(name + " needs a value");
        }
        return args[index + 1];
    }

    private static int residents(String value) {
        long parsed;
        try {
            parsed = Long.parseLong(value.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new Invalid("--residents must be a whole number, not '" + value + "'");
        }
        if (parsed < 1 || parsed > GenerationRequest.MAX_RESIDENTS) {
            throw new Invalid("--residents must be between 1 and " + GenerationRequest.MAX_RESIDENTS + ", not "
                    + value);
        }
        return (int) parsed;
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new Invalid("--seed must be a whole number (up to 19 digits), not '" + value + "'");
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Invalid("--as-of must be a date like 2026-04-01, not '" + value + "'");
        }
    }
}
