package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** Stand-in for KNIME's SettingsModelDouble. */
public class SettingsModelDouble extends SettingsModelNumber {
    private final String m_configName;
    private double m_value;

    public SettingsModelDouble(final String configName, final double defaultValue) {
        m_configName = configName;
        m_value = defaultValue;
    }

    public double getDoubleValue() {
        return m_value;
    }

    public void setDoubleValue(final double newValue) {
        String problem = rangeProblem(newValue);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        m_value = newValue;
    }

    String rangeProblem(double value) {
        return null;
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    @Override
    void save(NodeSettingsWO settings) {
        settings.addDouble(m_configName, m_value);
    }

    @Override
    void validate(NodeSettingsRO settings) throws InvalidSettingsException {
        String problem = rangeProblem(settings.getDouble(m_configName));
        if (problem != null) {
            throw new InvalidSettingsException(problem);
        }
    }

    @Override
    void load(NodeSettingsRO settings) throws InvalidSettingsException {
        m_value = settings.getDouble(m_configName);
    }
}
