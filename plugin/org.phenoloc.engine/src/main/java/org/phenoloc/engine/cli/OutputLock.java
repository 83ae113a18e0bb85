package org.phenoloc.engine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.phenoloc.engine.io.AtomicFiles;
import org.phenoloc.engine.io.BadInputException;

/**
 * One run per output folder (or per model a training writes): a lock file ({@value #NAME} in the folder) holding the
 * owner's process id. A second run fails with a message naming that process; a lock left by a process that no longer
 * runs is taken over.
 */
final class OutputLock implements AutoCloseable {
    static final String NAME = ".phenoloc.lock";
    /** Locks this process holds (a process id alone cannot tell two runs inside one JVM apart). */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;

    private OutputLock(Path file) {
        this.file = file;
    }

    /** @throws BadInputException if another live run holds the folder */
    static OutputLock acquire(Path dir) {
        return acquire(dir.resolve(NAME), dir);
    }

    /**
     * One training per model file: the lock {@code .NAME.lock} beside the model (other models in the folder stay free),
     * so that two runs never write one model and its checkpoint in turn.
     *
     * @throws BadInputException naming the model if another live run is training it
     */
    static OutputLock acquireModel(Path model) {
        return acquire(model.resolveSibling("." + model.getFileName() + ".lock"), model);
    }

    /** @param guarded what the lock guards, named in messages */
    private static OutputLock acquire(Path lockFile, Path guarded) {
        Path file = lockFile.toAbsolutePath().normalize();
        long me = ProcessHandle.current().pid();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.writeString(Files.createFile(file), me + "\n", StandardCharsets.UTF_8);
                HELD.add(file);
                return new OutputLock(file);
            } catch (FileAlreadyExistsException e) {
                Optional<Long> owner = owner(file);
                boolean live = owner.isPresent() && (owner.get() == me ? HELD.contains(file)
                        : ProcessHandle.of(owner.get()).map(ProcessHandle::isAlive).orElse(false));
                if (live || (owner.isEmpty() && young(file))) {
                    throw new BadInputException(guarded, "in use by another phenoloc run (process " + owner.map(String::valueOf).orElse("starting")
                            + ", lock file " + file + "); wait for it to finish, or delete the lock file if no such run"
                            + " is going on");
                }
                System.err.println("phenoloc: taking over the stale lock " + file + " (process "
                        + owner.map(String::valueOf).orElse("unknown") + " no longer runs)");
                deleteQuietly(file);
            } catch (IOException e) {
                throw new BadInputException(guarded, "cannot create the lock file " + file.getFileName() + ": "
                        + AtomicFiles.reason(e), e);
            }
        }
        throw new BadInputException(guarded, "cannot take the lock file " + file + " (another run keeps creating it)");
    }

    private static Optional<Long> owner(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // unreadable or half-written: treated as stale
        }
    }

    /** A lock file without a process id yet may be in the middle of being written by its owner. */
    private static boolean young(Path file) {
        try {
            return System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis() < 5_000;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next createFile attempt reports the problem
        }
    }

    @Override
    public void close() {
        if (HELD.remove(file)) {
            deleteQuietly(file);
        }
    }

    /** Releases every lock of this process (the shutdown hook calls this after cancellation). */
    static void releaseAll() {
        for (Path f : Set.copyOf(HELD)) {
            HELD.remove(f);
            deleteQuietly(f);
        }
    }
}
