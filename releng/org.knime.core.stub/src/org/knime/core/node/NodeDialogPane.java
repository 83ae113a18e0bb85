package org.knime.core.node;

import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME's NodeDialogPane. */
public abstract class NodeDialogPane {
    protected NodeDialogPane() {
    }

    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
    }

    protected abstract void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException;
}
