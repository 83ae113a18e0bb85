package org.knime.core.node;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Stand-in for KNIME's NodeSettings: typed key/value entries. Like KNIME's, a getter fails with
 * InvalidSettingsException for a missing key or an entry of another type.
 */
public class NodeSettings implements NodeSettingsRO, NodeSettingsWO {
    private final String m_key;
    private final Map<String, Object> m_entries = new LinkedHashMap<>();

    public NodeSettings(final String key) {
        m_key = key;
    }

    @Override
    public String getKey() {
        return m_key;
    }

    @Override
    public boolean containsKey(final String key) {
        return m_entries.containsKey(key);
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(m_entries.keySet());
    }

    private <T> T get(String key, Class<T> type) throws InvalidSettingsException {
        if (!m_entries.containsKey(key)) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" not found.");
        }
        Object v = m_entries.get(key);
        if (v != null && !type.isInstance(v)) {
            throw new InvalidSettingsException("Config entry \"" + key + "\" is a " + v.getClass().getSimpleName()
                + ", not a " + type.getSimpleName());
        }
        return type.cast(v);
    }

    @Override
    public String getString(final String key) throws InvalidSettingsException {
        return get(key, String.class);
    }

    @Override
    public String getString(final String key, final String def) {
        try {
            return getString(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public int getInt(final String key) throws InvalidSettingsException {
        return get(key, Integer.class);
    }

    @Override
    public int getInt(final String key, final int def) {
        try {
            return getInt(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public long getLong(final String key) throws InvalidSettingsException {
        return get(key, Long.class);
    }

    @Override
    public double getDouble(final String key) throws InvalidSettingsException {
        return get(key, Double.class);
    }

    @Override
    public double getDouble(final String key, final double def) {
        try {
            return getDouble(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public boolean getBoolean(final String key) throws InvalidSettingsException {
        return get(key, Boolean.class);
    }

    @Override
    public boolean getBoolean(final String key, final boolean def) {
        try {
            return getBoolean(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addString(final String key, final String value) {
        m_entries.put(key, value);
    }

    @Override
    public void addInt(final String key, final int value) {
        m_entries.put(key, value);
    }

    @Override
    public void addLong(final String key, final long value) {
        m_entries.put(key, value);
    }

    @Override
    public void addDouble(final String key, final double value) {
        m_entries.put(key, value);
    }

    @Override
    public void addBoolean(final String key, final boolean value) {
        m_entries.put(key, value);
    }

    @Override
    public String toString() {
        return m_key + m_entries;
    }
}
