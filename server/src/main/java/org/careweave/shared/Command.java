package org.careweave.shared;

import java.io.PrintStream;
import java.util.List;

/**
 * A command run as {@code careweave NAME ARGS...} instead of serving. Features contribute them as beans; the
 * application dispatches on the first argument. The usage text, {@code CommandLine.USAGE}, describes each one.
 */
public interface Command {

    /** The word that selects this command. */
    String name();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @return the process exit code: 0 success, 1 a finding or failure, 2 bad arguments
     */
    int run(List<String> args, PrintStream out);
}
