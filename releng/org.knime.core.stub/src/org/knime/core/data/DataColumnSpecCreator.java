package org.knime.core.data;

/** Stand-in for KNIME's DataColumnSpecCreator. */
public final class DataColumnSpecCreator {
    private String m_name;
    private DataType m_type;
    private DataColumnProperties m_props = new DataColumnProperties();

    public DataColumnSpecCreator(final String name, final DataType type) {
        if (name == null || type == null) {
            throw new NullPointerException("column name and type must not be null");
        }
        m_name = name;
        m_type = type;
    }

    public DataColumnSpecCreator(final DataColumnSpec cspec) {
        this(cspec.getName(), cspec.getType());
        m_props = cspec.getProperties();
    }

    public void setName(final String name) {
        m_name = name;
    }

    public void setProperties(final DataColumnProperties props) {
        m_props = props;
    }

    public DataColumnSpec createSpec() {
        return new DataColumnSpec(m_name, m_type, m_props);
    }
}
