package org.careweave.database;

import java.nio.file.Path;

/**
 * The folder named by {@code careweave.data-dir} cannot hold the embedded database right now. Carries the one
 * sentence that says why and the one that says what to do, for {@link DataDirectoryFailureAnalyzer}.
 */
class DataDirectoryProblem extends RuntimeException {

    private static final String OTHER_FOLDER =
            "set careweave.data-dir (environment variable CAREWEAVE_DATA_DIR) to another folder";

    private final String action;

    private DataDirectoryProblem(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    static DataDirectoryProblem notWritable(Path dir, Throwable cause) {
        return new DataDirectoryProblem("CareWeave cannot write its data folder " + dir + ".",
                "Set careweave.data-dir (environment variable CAREWEAVE_DATA_DIR) to a folder CareWeave may write,"
                        + " or set CAREWEAVE_DB_URL to use an external PostgreSQL server instead.",
                cause);
    }

    static DataDirectoryProblem inUse(Path dir) {
        return new DataDirectoryProblem("Another CareWeave process is using the data folder " + dir + ".",
                "Stop that CareWeave first, or " + OTHER_FOLDER + ".", null);
    }

    static DataDirectoryProblem heldByStranger(Path dir, long pid) {
        return new DataDirectoryProblem("The embedded database in " + dir + " cannot start: its postmaster.pid names"
                + " process " + pid + ", which is running but is not a PostgreSQL server of this folder.",
                "If no PostgreSQL server runs on " + dir + ", delete " + dir.resolve("postmaster.pid")
                        + " and start CareWeave again; otherwise " + OTHER_FOLDER + ".",
                null);
    }

    static DataDirectoryProblem leftoverWouldNotStop(Path dir, long pid, long seconds) {
        return new DataDirectoryProblem("PostgreSQL process " + pid + ", left running on " + dir
                + " by a CareWeave that did not shut down, did not stop within " + seconds + " s.",
                "Stop it (kill -INT " + pid + ") and start CareWeave again.", null);
    }

    String action() {
        return action;
    }
}
