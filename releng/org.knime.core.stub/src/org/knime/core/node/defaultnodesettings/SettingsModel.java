package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** Stand-in for KNIME's SettingsModel (the public final API; the hooks differ from KNIME's). */
public abstract class SettingsModel {
    private boolean m_enabled = true;

    protected abstract String getConfigName();

    abstract void save(NodeSettingsWO settings);

    abstract void validate(NodeSettingsRO settings) throws InvalidSettingsException;

    abstract void load(NodeSettingsRO settings) throws InvalidSettingsException;

    public final void saveSettingsTo(final NodeSettingsWO settings) {
        save(settings);
    }

    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        validate(settings);
    }

    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        validate(settings);
        load(settings);
    }

    public void setEnabled(final boolean enabled) {
        m_enabled = enabled;
    }

    public boolean isEnabled() {
        return m_enabled;
    }

    /** Stand-in only: the settings key (KNIME keeps it protected). */
    public final String getKeyForTest() {
        return getConfigName();
    }
}
