package org.knime.core.data;

/** Stand-in for KNIME's DataRow. */
public interface DataRow extends Iterable<DataCell> {
    int getNumCells();

    RowKey getKey();

    DataCell getCell(int index);
}
