package org.phenoloc.knime.nodes.io;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;

/** The dialog of a one-location node: KNIME's classic file chooser, which also takes knime:// URLs. */
final class LocationDialog extends DefaultNodeSettingsPane {
    LocationDialog(final LocationSettings s, final int dialogType, final boolean directory, final String... ext) {
        addDialogComponent(new DialogComponentFileChooser(s.m_location, "phenoloc-" + s.m_label.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
            dialogType, directory, ext));
    }

    static LocationDialog open(final LocationSettings s, final boolean directory, final String... ext) {
        return new LocationDialog(s, JFileChooser.OPEN_DIALOG, directory, ext);
    }

    static LocationDialog save(final LocationSettings s, final boolean directory, final String... ext) {
        return new LocationDialog(s, JFileChooser.SAVE_DIALOG, directory, ext);
    }
}
