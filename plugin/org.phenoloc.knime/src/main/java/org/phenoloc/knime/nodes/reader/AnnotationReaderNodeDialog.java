package org.phenoloc.knime.nodes.reader;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** Dialog of the Annotation Reader. */
final class AnnotationReaderNodeDialog extends DefaultNodeSettingsPane {
    AnnotationReaderNodeDialog() {
        AnnotationReaderSettings s = new AnnotationReaderSettings();
        addDialogComponent(new DialogComponentFileChooser(s.m_folder, "phenoloc-annotation-folder",
            JFileChooser.OPEN_DIALOG, true));
        addDialogComponent(new DialogComponentNumber(s.m_minRootLength, "Minimum root length (px) for a tip", 1.0));
    }
}
