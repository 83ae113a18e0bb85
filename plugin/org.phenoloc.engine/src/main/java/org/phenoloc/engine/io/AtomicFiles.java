package org.phenoloc.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes files so that readers never see a half-written file: write a sibling temp file {@code .NAME.NNN.tmp},
 * then rename. Temp files still being written are tracked, so a cancelled run can remove them
 * ({@link #removeTemporaries()}). Every failure is a {@link FileSystemException} naming the target and the cause.
 */
public final class AtomicFiles {
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    private AtomicFiles() {}

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** @throws FileSystemException naming {@code target} and the cause (e.g. "No space left on device") */
    public static void write(Path target, Writer writer) throws IOException {
        write(target, writer, false);
    }

    /**
     * As {@link #write(Path, Writer)}; with {@code sync} the content is forced to the storage device before the
     * rename, so a record of finished work survives a crash of the machine, not only of the process.
     */
    public static void write(Path target, Writer writer, boolean sync) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            IN_FLIGHT.add(tmp);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            if (sync) {
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
            // temp files are created owner-only; results are ordinary files others may read
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            FileSystemException named = new FileSystemException(target.toString(), null, "cannot write: " + reason(e));
            named.initCause(e);
            throw named;
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
                IN_FLIGHT.remove(tmp);
            }
        }
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, out -> out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Deletes the temp files of writes still in progress (a shutdown hook calls this after cancellation).
     *
     * @return how many were removed
     */
    public static int removeTemporaries() {
        int removed = 0;
        for (Path tmp : Set.copyOf(IN_FLIGHT)) {
            try {
                if (Files.deleteIfExists(tmp)) {
                    removed++;
                }
            } catch (IOException e) {
                // best effort: the file is hidden and named .NAME.NNN.tmp, so a user can recognise it
            }
            IN_FLIGHT.remove(tmp);
        }
        return removed;
    }

    /** The cause of an I/O failure in words, without the file name (the caller names the file). */
    public static String reason(IOException e) {
        String own = ownReason(e);
        // writers wrap the real cause ("I/O error writing PNG file!" around "No space left on device")
        if (e.getCause() instanceof IOException cause && cause != e) {
            String inner = reason(cause);
            return own.contains(inner) ? own : own + " (" + inner + ")";
        }
        return own;
    }

    private static String ownReason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied (read-only location?)";
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder" + (n.getFile() == null ? "" : " (" + n.getFile() + ")");
        }
        if (e instanceof NotDirectoryException n) {
            return n.getFile() + " is a file, not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a folder of that name is in the way";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException n) {
            return n.getFile() + " exists and is a file, not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
