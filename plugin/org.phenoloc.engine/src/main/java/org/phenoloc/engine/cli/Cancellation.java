package org.phenoloc.engine.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.phenoloc.engine.io.AtomicFiles;

/**
 * Ctrl-C asks long work to stop at its next check (minibatch, band of rows, image). The shutdown hook waits up to
 * {@link #GRACE_SECONDS} for the work to stop, so the command can finish its current file, remove temporaries and
 * say what was kept; files are written atomically, so none is half-written.
 */
final class Cancellation {
    static final long GRACE_SECONDS = 20;

    private static final AtomicBoolean CANCELLED = new AtomicBoolean();
    private static final AtomicReference<CountDownLatch> RUNNING = new AtomicReference<>();
    private static final AtomicReference<String> KEPT = new AtomicReference<>("");
    private static boolean installed;

    private Cancellation() {}

    static synchronized void install() {
        if (!installed) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> onSignal(System.err), "phenoloc-cancel"));
            installed = true;
        }
    }

    static boolean cancelled() {
        return CANCELLED.get();
    }

    /** Marks the start of a command's work (the hook waits for {@link #finished()}). */
    static void started() {
        CANCELLED.set(false);
        KEPT.set("");
        RUNNING.set(new CountDownLatch(1));
    }

    static boolean running() {
        return RUNNING.get() != null;
    }

    /** Marks the end of a command's work, however it ended. */
    static void finished() {
        CANCELLED.set(false); // the next command in this JVM (tests, KNIME) starts afresh
        CountDownLatch l = RUNNING.getAndSet(null);
        if (l != null) {
            l.countDown();
        }
    }

    /** What a cancelled run leaves behind, in words (e.g. "detections of 3 images in OUT"), for the message. */
    static void kept(String what) {
        KEPT.set(what);
    }

    /** The message for a run that stopped because it was cancelled. */
    static String message() {
        String kept = KEPT.get();
        return "phenoloc: cancelled; " + (kept.isEmpty() ? "no results were written" : "kept: " + kept)
                + "; nothing was left half-written";
    }

    /** The shutdown hook: ask the work to stop, wait for it (bounded), remove temporaries of unfinished writes. */
    static void onSignal(PrintStream err) {
        CountDownLatch running = RUNNING.get();
        if (running == null) {
            return; // a normal exit, or the work already ended
        }
        CANCELLED.set(true);
        boolean stopped;
        try {
            stopped = running.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        int removed = AtomicFiles.removeTemporaries();
        OutputLock.releaseAll();
        if (!stopped) {
            err.println("phenoloc: cancelled; the work did not stop within " + GRACE_SECONDS + " s"
                    + (removed > 0 ? ", removed " + removed + " unfinished temporary file(s)" : "")
                    + (KEPT.get().isEmpty() ? "" : "; kept: " + KEPT.get()));
        }
        err.flush();
    }
}
