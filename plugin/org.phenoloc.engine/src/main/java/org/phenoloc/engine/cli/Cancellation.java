package org.phenoloc.engine.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/** Ctrl-C asks long work to stop at the next batch/band; files are written atomically, so none is half-written. */
final class Cancellation {
    private static final AtomicBoolean CANCELLED = new AtomicBoolean();
    private static boolean installed;

    private Cancellation() {}

    static synchronized void install() {
        if (!installed) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> CANCELLED.set(true)));
            installed = true;
        }
    }

    static boolean cancelled() {
        return CANCELLED.get();
    }
}
