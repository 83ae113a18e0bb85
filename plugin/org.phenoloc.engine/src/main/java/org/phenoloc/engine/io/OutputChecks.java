package org.phenoloc.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pre-flight checks of output locations, run before long work starts, so that a finished model or scan is never
 * lost to an output folder that cannot be written. Each failure is a {@link BadInputException} naming the path.
 */
public final class OutputChecks {
    /** Below this many free bytes an output location is refused (a model or a heat map would not fit). */
    public static final long MIN_FREE_BYTES = 16L << 20;

    private OutputChecks() {}

    /** Creates {@code dir} if needed and proves it writable (a probe file is created and deleted). */
    public static void checkFolder(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException(dir, "exists and is a file, not a folder");
        }
        Path blocker = fileInTheWay(dir);
        if (blocker != null) {
            throw new BadInputException(dir, "cannot create this folder: " + blocker + " is a file, not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException(dir, "cannot create this folder: " + AtomicFiles.reason(e), e);
        }
        try {
            Path probe = Files.createTempFile(dir, ".phenoloc-probe.", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new BadInputException(dir, "cannot write into this folder: " + AtomicFiles.reason(e), e);
        }
        checkFreeSpace(dir);
    }

    /** Checks that {@code file} can be written: not a folder, its folder creatable and writable. */
    public static void checkFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file, "is a folder; give a file name, e.g. " + file.resolve("model.phenoloc"));
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new BadInputException(file, "exists and is not a regular file");
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            checkFolder(parent);
        } catch (BadInputException e) {
            throw new BadInputException(file, "cannot write here: " + e.getMessage(), e);
        }
    }

    private static void checkFreeSpace(Path dir) {
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                throw new BadInputException(dir, "the disk is full (" + free / 1024 + " KB free)");
            }
        } catch (IOException e) {
            // some file systems cannot tell; the writes themselves still report a full disk
        }
    }

    /** The nearest existing ancestor of {@code dir} if it is a regular file, else null. */
    private static Path fileInTheWay(Path dir) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? null : p;
            }
        }
        return null;
    }
}
