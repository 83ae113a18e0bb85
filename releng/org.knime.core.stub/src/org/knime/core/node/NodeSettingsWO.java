package org.knime.core.node;

/** Stand-in for KNIME's NodeSettingsWO (in KNIME the adders come from ConfigWO). */
public interface NodeSettingsWO {
    String getKey();

    void addString(String key, String value);

    void addInt(String key, int value);

    void addLong(String key, long value);

    void addDouble(String key, double value);

    void addBoolean(String key, boolean value);
}
