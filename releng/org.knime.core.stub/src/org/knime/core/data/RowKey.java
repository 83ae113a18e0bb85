package org.knime.core.data;

/** Stand-in for KNIME's RowKey. */
public final class RowKey {
    private final String m_key;

    public RowKey(final String key) {
        if (key == null) {
            throw new NullPointerException("Row key must not be null");
        }
        m_key = key;
    }

    public static RowKey createRowKey(final long rowIndex) {
        return new RowKey("Row" + rowIndex);
    }

    public String getString() {
        return m_key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowKey && ((RowKey)o).m_key.equals(m_key);
    }

    @Override
    public int hashCode() {
        return m_key.hashCode();
    }

    @Override
    public String toString() {
        return m_key;
    }
}
