package org.knime.core.node.port;

/** Stand-in for KNIME's PortType. */
public final class PortType {
    private final Class<? extends PortObject> m_objectClass;
    private final boolean m_optional;

    PortType(final Class<? extends PortObject> objectClass, final boolean optional) {
        m_objectClass = objectClass;
        m_optional = optional;
    }

    public Class<? extends PortObject> getPortObjectClass() {
        return m_objectClass;
    }

    public boolean isOptional() {
        return m_optional;
    }

    @Override
    public String toString() {
        return m_objectClass.getSimpleName() + (m_optional ? " (optional)" : "");
    }
}
