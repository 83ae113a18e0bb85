package org.knime.core.node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;

/**
 * Stand-in for KNIME's BufferedDataContainer, in memory. Like KNIME's container it rejects rows whose cell count
 * or cell types do not match the spec and duplicate row keys, and it must be closed before getTable().
 */
public class BufferedDataContainer {
    private final DataTableSpec m_spec;
    private final List<DataRow> m_rows = new ArrayList<>();
    private final Set<RowKey> m_keys = new HashSet<>();
    private BufferedDataTable m_table;

    BufferedDataContainer(final DataTableSpec spec) {
        m_spec = spec;
    }

    public void addRowToTable(final DataRow row) {
        if (m_table != null) {
            throw new IllegalStateException("Container is closed");
        }
        if (row.getNumCells() != m_spec.getNumColumns()) {
            throw new IllegalArgumentException("Cell count in row \"" + row.getKey() + "\" is not equal to length of"
                + " column names array: " + row.getNumCells() + " vs. " + m_spec.getNumColumns());
        }
        for (int i = 0; i < row.getNumCells(); i++) {
            DataCell c = row.getCell(i);
            if (!c.isMissing() && !m_spec.getColumnSpec(i).getType().isASuperTypeOf(c.getType())) {
                throw new IllegalArgumentException("Runtime class of object \"" + c + "\" (index " + i
                    + ") in row \"" + row.getKey() + "\" is " + c.getType() + " and does not comply with its supposed"
                    + " superclass " + m_spec.getColumnSpec(i).getType());
            }
        }
        if (!m_keys.add(row.getKey())) {
            throw new IllegalArgumentException("Encountered duplicate row ID \"" + row.getKey() + "\"");
        }
        m_rows.add(row);
    }

    public void close() {
        if (m_table == null) {
            m_table = new BufferedDataTable(m_spec, m_rows);
        }
    }

    public BufferedDataTable getTable() {
        if (m_table == null) {
            throw new IllegalStateException("Cannot get table: container is not closed.");
        }
        return m_table;
    }

    public long size() {
        return m_rows.size();
    }
}
