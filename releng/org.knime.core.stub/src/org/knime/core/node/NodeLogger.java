package org.knime.core.node;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Stand-in for KNIME's NodeLogger, backed by java.util.logging. */
public final class NodeLogger {
    private final Logger m_logger;

    private NodeLogger(String name) {
        m_logger = Logger.getLogger(name);
    }

    public static NodeLogger getLogger(final Class<?> c) {
        return new NodeLogger(c.getName());
    }

    public void debug(final Object o) {
        m_logger.fine(String.valueOf(o));
    }

    public void info(final Object o) {
        m_logger.info(String.valueOf(o));
    }

    public void warn(final Object o) {
        m_logger.warning(String.valueOf(o));
    }

    public void error(final Object o) {
        m_logger.severe(String.valueOf(o));
    }

    public void error(final Object o, final Throwable t) {
        m_logger.log(Level.SEVERE, String.valueOf(o), t);
    }
}
