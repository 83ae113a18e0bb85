package org.knime.core.node.defaultnodesettings;

/** Stand-in for KNIME's SettingsModelIntegerBounded: values outside [min, max] are rejected. */
public class SettingsModelIntegerBounded extends SettingsModelInteger {
    private final int m_minValue;
    private final int m_maxValue;

    public SettingsModelIntegerBounded(final String configName, final int defaultValue, final int minValue,
        final int maxValue) {
        super(configName, defaultValue);
        if (minValue > maxValue || defaultValue < minValue || defaultValue > maxValue) {
            throw new IllegalArgumentException("bad range or default for " + configName);
        }
        m_minValue = minValue;
        m_maxValue = maxValue;
    }

    public int getLowerBound() {
        return m_minValue;
    }

    public int getUpperBound() {
        return m_maxValue;
    }

    @Override
    void validateValue(int value) {
        String problem = rangeProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    @Override
    String rangeProblem(int value) {
        return value < m_minValue || value > m_maxValue ? "value (=" + value + ") must be within the range ["
            + m_minValue + "..." + m_maxValue + "]." : null;
    }
}
