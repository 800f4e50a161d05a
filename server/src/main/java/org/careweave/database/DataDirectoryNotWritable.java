package org.careweave.database;

import java.nio.file.Path;

/** The folder named by {@code careweave.data-dir} cannot hold the embedded database. */
class DataDirectoryNotWritable extends RuntimeException {

    private final Path dir;

    DataDirectoryNotWritable(Path dir, Throwable cause) {
        super("Cannot write to " + dir, cause);
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }
}
