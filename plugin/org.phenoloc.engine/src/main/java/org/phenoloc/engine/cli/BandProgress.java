package org.phenoloc.engine.cli;

import java.nio.file.Path;
import java.util.Locale;

import org.phenoloc.engine.io.Progress;

/** Prints a long scan's progress (row bands) at most every {@link #EVERY_NANOS}, so a big image shows life. */
final class BandProgress implements Progress {
    static final long EVERY_NANOS = 10_000_000_000L;

    private final Progress parent;
    private final String prefix;
    private long last = System.nanoTime();

    BandProgress(Progress parent, int index, int count, Path file) {
        this.parent = parent;
        this.prefix = String.format(Locale.ROOT, "  [%d/%d] %s: ", index + 1, count, file.getFileName());
    }

    @Override
    public void update(double fraction, String message) {
        long now = System.nanoTime();
        if (now - last >= EVERY_NANOS) {
            System.out.printf(Locale.ROOT, "%s%s (%.0f%%)%n", prefix, message, 100 * fraction);
            last = now;
        }
    }

    @Override
    public boolean isCancelled() {
        return parent.isCancelled();
    }
}
