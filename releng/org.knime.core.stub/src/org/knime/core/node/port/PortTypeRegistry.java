package org.knime.core.node.port;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-in for KNIME's PortTypeRegistry. KNIME also reads the org.knime.core.PortType extension point (plugin.xml);
 * the stand-in creates a type for any class on request.
 */
public final class PortTypeRegistry {
    private static final PortTypeRegistry INSTANCE = new PortTypeRegistry();

    private final Map<Class<? extends PortObject>, PortType> m_types = new ConcurrentHashMap<>();
    private final Map<Class<? extends PortObject>, PortType> m_optionalTypes = new ConcurrentHashMap<>();

    private PortTypeRegistry() {
    }

    public static PortTypeRegistry getInstance() {
        return INSTANCE;
    }

    public PortType getPortType(final Class<? extends PortObject> portClass) {
        return getPortType(portClass, false);
    }

    public PortType getPortType(final Class<? extends PortObject> portClass, final boolean isOptional) {
        return (isOptional ? m_optionalTypes : m_types).computeIfAbsent(portClass, c -> new PortType(c, isOptional));
    }
}
