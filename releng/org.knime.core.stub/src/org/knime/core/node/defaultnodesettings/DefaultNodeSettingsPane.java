package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME's DefaultNodeSettingsPane: saves and loads the models of its components. */
public class DefaultNodeSettingsPane extends NodeDialogPane {
    private final List<DialogComponent> m_components = new ArrayList<>();

    public DefaultNodeSettingsPane() {
    }

    public void addDialogComponent(final DialogComponent diaC) {
        m_components.add(diaC);
    }

    public final void createNewGroup(final String title) {
    }

    public final void closeCurrentGroup() {
    }

    public final void createNewTab(final String tabTitle) {
    }

    public final void setDefaultTabTitle(final String tabTitle) {
    }

    @Override
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        for (DialogComponent c : m_components) {
            c.checkConfigurabilityBeforeLoad(specs);
        }
        for (DialogComponent c : m_components) {
            try {
                c.getModel().loadSettingsFrom(settings);
            } catch (InvalidSettingsException e) {
                // KNIME's dialog components keep their defaults on bad settings
            }
        }
    }

    @Override
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        for (DialogComponent c : m_components) {
            c.getModel().saveSettingsTo(settings);
        }
    }
}
