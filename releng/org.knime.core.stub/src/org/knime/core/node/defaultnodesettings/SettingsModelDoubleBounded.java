package org.knime.core.node.defaultnodesettings;

/** Stand-in for KNIME's SettingsModelDoubleBounded: values outside [min, max] are rejected. */
public class SettingsModelDoubleBounded extends SettingsModelDouble {
    private final double m_minValue;
    private final double m_maxValue;

    public SettingsModelDoubleBounded(final String configName, final double defaultValue, final double minValue,
        final double maxValue) {
        super(configName, defaultValue);
        if (minValue > maxValue || defaultValue < minValue || defaultValue > maxValue) {
            throw new IllegalArgumentException("bad range or default for " + configName);
        }
        m_minValue = minValue;
        m_maxValue = maxValue;
    }

    public double getLowerBound() {
        return m_minValue;
    }

    public double getUpperBound() {
        return m_maxValue;
    }

    @Override
    String rangeProblem(double value) {
        return !(value >= m_minValue && value <= m_maxValue) ? "value (=" + value + ") must be within the range ["
            + m_minValue + "..." + m_maxValue + "]." : null;
    }
}
