package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** Stand-in for KNIME's SettingsModelBoolean. */
public class SettingsModelBoolean extends SettingsModel {
    private final String m_configName;
    private boolean m_value;

    public SettingsModelBoolean(final String configName, final boolean defaultValue) {
        m_configName = configName;
        m_value = defaultValue;
    }

    public boolean getBooleanValue() {
        return m_value;
    }

    public void setBooleanValue(final boolean newValue) {
        m_value = newValue;
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    @Override
    void save(NodeSettingsWO settings) {
        settings.addBoolean(m_configName, m_value);
    }

    @Override
    void validate(NodeSettingsRO settings) throws InvalidSettingsException {
        settings.getBoolean(m_configName);
    }

    @Override
    void load(NodeSettingsRO settings) throws InvalidSettingsException {
        m_value = settings.getBoolean(m_configName);
    }
}
