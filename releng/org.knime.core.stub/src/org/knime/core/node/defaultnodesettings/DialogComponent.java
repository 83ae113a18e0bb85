package org.knime.core.node.defaultnodesettings;

/** Stand-in for KNIME's DialogComponent: binds one settings model into a dialog. */
public abstract class DialogComponent {
    private final SettingsModel m_model;

    protected DialogComponent(final SettingsModel model) {
        m_model = model;
    }

    /** KNIME: abstract; each component refuses to open when the input specs cannot feed it. */
    protected void checkConfigurabilityBeforeLoad(final org.knime.core.node.port.PortObjectSpec[] specs)
        throws org.knime.core.node.NotConfigurableException {
    }

    public final SettingsModel getModel() {
        return m_model;
    }
}
