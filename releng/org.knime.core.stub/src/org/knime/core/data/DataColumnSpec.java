package org.knime.core.data;

/** Stand-in for KNIME's DataColumnSpec. */
public final class DataColumnSpec {
    private final String m_name;
    private final DataType m_type;
    private final DataColumnProperties m_props;

    DataColumnSpec(String name, DataType type, DataColumnProperties props) {
        m_name = name;
        m_type = type;
        m_props = props;
    }

    public String getName() {
        return m_name;
    }

    public DataType getType() {
        return m_type;
    }

    public DataColumnProperties getProperties() {
        return m_props;
    }

    @Override
    public String toString() {
        return m_name + " (" + m_type + ")";
    }
}
