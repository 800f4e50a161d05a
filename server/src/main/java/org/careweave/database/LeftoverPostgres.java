package org.careweave.database;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CareWeave that dies without closing (killed, out of memory, halted) leaves its embedded PostgreSQL running on
 * the data folder, and no other server can start there until it stops. Before the embedded database starts, this
 * stops such a server, but only when no live process holds zonky's lock on the folder: a CareWeave that is
 * running keeps its database, and the second one is refused with a clear reason.
 */
final class LeftoverPostgres {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);

    /** zonky's lock, held by the process running the folder's embedded database and released when it dies. */
    private static final String ZONKY_LOCK = "epg-lock";
    private static final long STOP_WAIT_SECONDS = 60;

    private LeftoverPostgres() {
    }

    static void stopIfAny(Path dir) throws IOException {
        if (!Files.exists(dir.resolve("postgresql.conf"))) {
            return; // not initialised, so nothing runs on it; initdb also needs the folder left empty
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(ZONKY_LOCK), CREATE, WRITE);
             FileLock unused = lock(channel, dir)) {
            Optional<ProcessHandle> leftover = runningServer(dir);
            if (leftover.isPresent()) {
                stop(leftover.get(), dir);
            }
        }
    }

    private static FileLock lock(FileChannel channel, Path dir) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw DataDirectoryProblem.inUse(dir);
            }
            return lock;
        } catch (OverlappingFileLockException heldInThisProcess) {
            throw DataDirectoryProblem.inUse(dir);
        }
    }

    /** The live process that PostgreSQL's own lock file names; a stale file (its process gone) names none. */
    private static Optional<ProcessHandle> runningServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (IndexOutOfBoundsException | NumberFormatException unreadable) {
            return Optional.empty(); // PostgreSQL reports a damaged lock file itself, in its own words
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isPresent() && !isPostgresOf(process.get(), lines, dir)) {
            throw DataDirectoryProblem.heldByStranger(dir, pid);
        }
        return process;
    }

    /** The lock file's second line is the server's data folder; the process must be a postgres binary too. */
    private static boolean isPostgresOf(ProcessHandle process, List<String> pidFileLines, Path dir) throws IOException {
        boolean namesThisFolder = pidFileLines.size() > 1 && Files.exists(Path.of(pidFileLines.get(1)))
                && Files.isSameFile(Path.of(pidFileLines.get(1)), dir);
        boolean isPostgres = process.info().command()
                .map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
        return namesThisFolder && isPostgres;
    }

    private static void stop(ProcessHandle server, Path dir) throws IOException {
        log.warn("Stopping PostgreSQL process {}, left running on {} by a CareWeave that did not shut down",
                server.pid(), dir);
        server.destroy(); // SIGTERM: PostgreSQL's smart shutdown, with a checkpoint
        try {
            server.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw DataDirectoryProblem.leftoverWouldNotStop(dir, server.pid(), STOP_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for PostgreSQL process " + server.pid() + " to stop", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
        log.info("PostgreSQL process {} stopped", server.pid());
    }
}
