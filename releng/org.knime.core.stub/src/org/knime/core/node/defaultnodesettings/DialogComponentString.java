package org.knime.core.node.defaultnodesettings;

/** Stand-in for KNIME's DialogComponentString. */
public class DialogComponentString extends DialogComponent {
    public DialogComponentString(final SettingsModelString stringModel, final String label) {
        super(stringModel);
    }
}
