package org.knime.core.data;

/** Stand-in for KNIME's LongValue. */
public interface LongValue extends DataValue {
    long getLongValue();
}
