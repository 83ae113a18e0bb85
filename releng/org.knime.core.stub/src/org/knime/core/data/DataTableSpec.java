package org.knime.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME's DataTableSpec: named, typed columns with unique names. */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {
    private final DataColumnSpec[] m_columns;

    public DataTableSpec(final DataColumnSpec... colSpecs) {
        m_columns = colSpecs.clone();
        Set<String> names = new HashSet<>();
        for (DataColumnSpec c : m_columns) {
            if (!names.add(c.getName())) {
                throw new IllegalArgumentException("Duplicate column name: " + c.getName());
            }
        }
    }

    public DataTableSpec(final DataTableSpec spec1, final DataTableSpec spec2) {
        this(concat(spec1, spec2));
    }

    private static DataColumnSpec[] concat(DataTableSpec a, DataTableSpec b) {
        List<DataColumnSpec> all = new ArrayList<>(Arrays.asList(a.m_columns));
        all.addAll(Arrays.asList(b.m_columns));
        return all.toArray(new DataColumnSpec[0]);
    }

    public int getNumColumns() {
        return m_columns.length;
    }

    public DataColumnSpec getColumnSpec(final int index) {
        return m_columns[index];
    }

    public DataColumnSpec getColumnSpec(final String column) {
        int i = findColumnIndex(column);
        return i < 0 ? null : m_columns[i];
    }

    public int findColumnIndex(final String columnName) {
        for (int i = 0; i < m_columns.length; i++) {
            if (m_columns[i].getName().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    public boolean containsName(final String columnName) {
        return findColumnIndex(columnName) >= 0;
    }

    public String[] getColumnNames() {
        return Arrays.stream(m_columns).map(DataColumnSpec::getName).toArray(String[]::new);
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        return Arrays.asList(m_columns).iterator();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public String toString() {
        return Arrays.toString(m_columns);
    }
}
