package org.knime.core.data;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stand-in for KNIME's DataType: one type per cell class; compatibility = the cell class implements the value. */
public final class DataType {
    private static final Map<Class<? extends DataCell>, DataType> TYPES = new ConcurrentHashMap<>();
    private static final DataCell MISSING = new MissingCell();

    private final Class<? extends DataCell> m_cellClass;

    private DataType(Class<? extends DataCell> cellClass) {
        m_cellClass = cellClass;
    }

    public static DataType getType(final Class<? extends DataCell> cell) {
        return TYPES.computeIfAbsent(cell, DataType::new);
    }

    public static DataCell getMissingCell() {
        return MISSING;
    }

    public Class<? extends DataCell> getCellClass() {
        return m_cellClass;
    }

    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        return valueClass.isAssignableFrom(m_cellClass);
    }

    /** True if cells of type {@code other} can go into a column of this type (same or a sub type). */
    public boolean isASuperTypeOf(final DataType other) {
        return other == this || m_cellClass.isAssignableFrom(other.m_cellClass);
    }

    @Override
    public String toString() {
        return m_cellClass.getSimpleName().replace("Cell", "");
    }

    private static final class MissingCell extends DataCell {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isMissing() {
            return true;
        }

        @Override
        protected boolean equalsDataCell(DataCell dc) {
            return true;
        }

        @Override
        public int hashCode() {
            return 0;
        }

        @Override
        public String toString() {
            return "?";
        }
    }
}
