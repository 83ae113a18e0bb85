package org.knime.core.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stand-in for KNIME's DataColumnProperties: string key/value annotations that travel with a column spec. */
public final class DataColumnProperties {
    private final Map<String, String> m_props;

    public DataColumnProperties() {
        this(Collections.emptyMap());
    }

    public DataColumnProperties(final Map<String, String> props) {
        m_props = Collections.unmodifiableMap(new LinkedHashMap<>(props));
    }

    public String getProperty(final String key) {
        return m_props.get(key);
    }

    public String getProperty(final String key, final String defaultValue) {
        return m_props.getOrDefault(key, defaultValue);
    }

    public boolean containsProperty(final String key) {
        return m_props.containsKey(key);
    }

    public int size() {
        return m_props.size();
    }
}
