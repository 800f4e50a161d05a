package org.careweave.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Run in a child JVM by {@link LeftoverPostgresTests}: starts the embedded database on a data folder the way
 * CareWeave does, commits a row, says so on standard output, then ends as {@link Ending} says.
 */
final class PostgresInAnotherProcess {

    enum Ending {
        /** Dies without closing anything, as under kill -9, the OOM killer or {@code Runtime.halt}. */
        HALT,
        /** Keeps running until its standard input closes, then closes the database and exits. */
        HOLD
    }

    private static final String READY = "ready";

    /** Starts the child JVM and returns once its database is up and its row committed. */
    static Process start(Path dataDir, Ending ending) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PostgresInAnotherProcess.class.getName(), dataDir.toString(), ending.name())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); !READY.equals(line); line = output.readLine()) {
            if (line == null) {
                throw new IllegalStateException("The child process ended before its database was ready");
            }
        }
        Thread drain = new Thread(() -> output.lines().forEach(rest -> { }), "child-output");
        drain.setDaemon(true);
        drain.start();
        return child;
    }

    public static void main(String[] args) throws IOException, SQLException {
        Path dataDir = Path.of(args[0]);
        EmbeddedPostgres postgres = new EmbeddedDatabaseConfiguration().embeddedPostgres(new DatabaseSettings(dataDir));
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists left_behind (note text)");
            statement.execute("insert into left_behind values ('committed before the process died')");
        }
        System.out.println(READY);
        System.out.flush();
        if (Ending.valueOf(args[1]) == Ending.HALT) {
            Runtime.getRuntime().halt(0);
        }
        while (System.in.read() >= 0) {
            // held until the parent closes our standard input
        }
        postgres.close();
    }
}
