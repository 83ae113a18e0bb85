package org.knime.core.node.defaultnodesettings;

/** Stand-in for KNIME's DialogComponent: binds one settings model into a dialog. */
public abstract class DialogComponent {
    private final SettingsModel m_model;

    protected DialogComponent(final SettingsModel model) {
        m_model = model;
    }

    public final SettingsModel getModel() {
        return m_model;
    }
}
