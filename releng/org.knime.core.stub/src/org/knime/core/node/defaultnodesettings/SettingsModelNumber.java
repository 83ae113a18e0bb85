package org.knime.core.node.defaultnodesettings;

/** Stand-in for KNIME's SettingsModelNumber. */
public abstract class SettingsModelNumber extends SettingsModel {
}
