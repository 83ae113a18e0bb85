package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

/** Stand-in for KNIME's PortObjectSpec. */
public interface PortObjectSpec {

    /** Stand-in for KNIME's PortObjectSpec.PortObjectSpecSerializer. */
    abstract static class PortObjectSpecSerializer<T extends PortObjectSpec> {
        public abstract void savePortObjectSpec(final T portObjectSpec, final PortObjectSpecZipOutputStream out)
            throws IOException;

        public abstract T loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException;
    }

    JComponent[] getViews();
}
