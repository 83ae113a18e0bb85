package org.knime.core.data;

/** Stand-in for KNIME's DataValue: marker interface of cell value kinds. */
public interface DataValue {
}
