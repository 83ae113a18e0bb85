package org.phenoloc.engine.io;

/** Progress reporting and cancellation for long work (scanning many images). No-op defaults. */
public interface Progress {
    default void update(double fraction, String message) {}

    default boolean isCancelled() {
        return false;
    }

    /** Throws {@link CancelledException} if cancelled; call between units of work. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    Progress NONE = new Progress() {};

    /** Work was cancelled through {@link Progress#isCancelled()}. */
    final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("cancelled");
        }
    }
}
