package org.phenoloc.knime.nodes.reader;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.phenoloc.knime.util.TaskSetting;

/**
 * Dialog of the Annotation Reader. The classic folder chooser takes local paths and knime:// URLs alike (typed or
 * set by a flow variable); see the README for why not the newer file-handling dialog.
 */
final class AnnotationReaderNodeDialog extends DefaultNodeSettingsPane {
    AnnotationReaderNodeDialog() {
        AnnotationReaderSettings s = new AnnotationReaderSettings();
        addDialogComponent(new DialogComponentFileChooser(s.m_folder, "phenoloc-annotation-folder",
            JFileChooser.OPEN_DIALOG, true));
        addDialogComponent(TaskSetting.component(s.m_task));
        addDialogComponent(new DialogComponentNumber(s.m_minRootLength, "Minimum root length (px) for a tip (roots)",
            1.0));
    }
}
