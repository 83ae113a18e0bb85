package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** Stand-in for KNIME's SettingsModelInteger. */
public class SettingsModelInteger extends SettingsModelNumber {
    private final String m_configName;
    private int m_value;

    public SettingsModelInteger(final String configName, final int defaultValue) {
        m_configName = configName;
        m_value = defaultValue;
    }

    public int getIntValue() {
        return m_value;
    }

    public void setIntValue(final int newValue) {
        validateValue(newValue);
        m_value = newValue;
    }

    void validateValue(int value) {
    }

    String rangeProblem(int value) {
        return null;
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    @Override
    void save(NodeSettingsWO settings) {
        settings.addInt(m_configName, m_value);
    }

    @Override
    void validate(NodeSettingsRO settings) throws InvalidSettingsException {
        String problem = rangeProblem(settings.getInt(m_configName));
        if (problem != null) {
            throw new InvalidSettingsException(problem);
        }
    }

    @Override
    void load(NodeSettingsRO settings) throws InvalidSettingsException {
        m_value = settings.getInt(m_configName);
    }
}
