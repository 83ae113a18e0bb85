package org.knime.core.data;

/** Stand-in for KNIME's IntValue. */
public interface IntValue extends DataValue {
    int getIntValue();
}
