package org.phenoloc.engine.io;

import java.nio.file.Path;

/**
 * Bad user input: a missing, unreadable or malformed file, or a nonsensical setting. The message always names
 * the file (or setting) and the problem, so it can be shown to a user as it is.
 */
public class BadInputException extends RuntimeException {
    private final transient Path file;

    public BadInputException(Path file, String problem) {
        this(file, problem, null);
    }

    public BadInputException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** For bad settings that belong to no file. */
    public BadInputException(String problem) {
        super(problem);
        this.file = null;
    }

    /** The offending file, or null for a bad setting. */
    public Path file() {
        return file;
    }
}
