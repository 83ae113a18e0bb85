package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** Stand-in for KNIME's SettingsModelString. */
public class SettingsModelString extends SettingsModel {
    private final String m_configName;
    private String m_value;

    public SettingsModelString(final String configName, final String defaultValue) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        m_configName = configName;
        m_value = defaultValue;
    }

    public String getStringValue() {
        return m_value;
    }

    public void setStringValue(final String newValue) {
        m_value = newValue;
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    @Override
    void save(NodeSettingsWO settings) {
        settings.addString(m_configName, m_value);
    }

    @Override
    void validate(NodeSettingsRO settings) throws InvalidSettingsException {
        settings.getString(m_configName);
    }

    @Override
    void load(NodeSettingsRO settings) throws InvalidSettingsException {
        m_value = settings.getString(m_configName);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }
}
