package org.knime.core.node.defaultnodesettings;

/** Stand-in for KNIME's DialogComponentBoolean. */
public class DialogComponentBoolean extends DialogComponent {
    public DialogComponentBoolean(final SettingsModelBoolean booleanModel, final String label) {
        super(booleanModel);
    }
}
