package org.knime.core.node;

import java.util.Set;

/** Stand-in for KNIME's NodeSettingsRO (in KNIME the getters come from ConfigRO). */
public interface NodeSettingsRO {
    String getKey();

    boolean containsKey(String key);

    Set<String> keySet();

    String getString(String key) throws InvalidSettingsException;

    String getString(String key, String def);

    int getInt(String key) throws InvalidSettingsException;

    int getInt(String key, int def);

    long getLong(String key) throws InvalidSettingsException;

    double getDouble(String key) throws InvalidSettingsException;

    double getDouble(String key, double def);

    boolean getBoolean(String key) throws InvalidSettingsException;

    boolean getBoolean(String key, boolean def);
}
