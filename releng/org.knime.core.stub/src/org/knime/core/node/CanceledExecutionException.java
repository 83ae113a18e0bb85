package org.knime.core.node;

/** Stand-in for KNIME's CanceledExecutionException. */
public class CanceledExecutionException extends Exception {
    private static final long serialVersionUID = 1L;

    public CanceledExecutionException() {
        super("Execution canceled");
    }

    public CanceledExecutionException(final String s) {
        super(s);
    }
}
