package org.phenoloc.knime.nodes.reader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.annotations.RsmlReader;
import org.phenoloc.knime.util.Locations;
import org.phenoloc.knime.util.NodeSettingsBundle;
import org.phenoloc.knime.util.TaskSetting;

/** Settings of the Annotation Reader. */
final class AnnotationReaderSettings extends NodeSettingsBundle {
    static final String FOLDER = "folder";
    static final String FOLDER_LABEL = "Image folder";
    static final String MIN_ROOT_LENGTH = "min_root_length";

    /** A local path, a file: URL or a knime:// URL (e.g. knime://knime.workflow/data/train). */
    final SettingsModelString m_folder = new SettingsModelString(FOLDER, "");
    final SettingsModelString m_task = TaskSetting.model();
    final SettingsModelDoubleBounded m_minRootLength =
        new SettingsModelDoubleBounded(MIN_ROOT_LENGTH, RsmlReader.PAPER_MIN_ROOT_LENGTH, 0, 10000);

    @Override
    public List<SettingsModel> models() {
        return List.of(m_folder, m_task, m_minRootLength);
    }

    /** The folder is resolved and checked at configure time (it may be created later). */
    @Override
    public void check() throws InvalidSettingsException {
        Locations.checkSyntax(m_folder.getStringValue(), FOLDER_LABEL);
        task();
    }

    Task task() throws InvalidSettingsException {
        return TaskSetting.task(m_task);
    }

    Path folder() throws InvalidSettingsException {
        return Locations.setting(m_folder.getStringValue(), FOLDER_LABEL);
    }

    Path existingFolder() throws InvalidSettingsException {
        Path p = folder();
        if (!Files.isDirectory(p)) {
            throw bad(FOLDER_LABEL, "'" + m_folder.getStringValue() + "' (" + p + ") does not exist or is not a folder");
        }
        return p;
    }
}
