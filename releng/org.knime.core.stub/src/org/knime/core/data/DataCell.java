package org.knime.core.data;

import java.io.Serializable;

/** Stand-in for KNIME's DataCell (only what our nodes use). */
public abstract class DataCell implements DataValue, Serializable {
    private static final long serialVersionUID = 1L;

    protected DataCell() {
    }

    public boolean isMissing() {
        return false;
    }

    public DataType getType() {
        return DataType.getType(getClass());
    }

    protected abstract boolean equalsDataCell(DataCell dc);

    @Override
    public final boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        return equalsDataCell((DataCell)o);
    }

    @Override
    public abstract int hashCode();

    @Override
    public abstract String toString();
}
