package org.phenoloc.knime.nodes.reader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.phenoloc.engine.annotations.RsmlReader;
import org.phenoloc.knime.util.NodeSettingsBundle;

/** Settings of the Annotation Reader. */
final class AnnotationReaderSettings extends NodeSettingsBundle {
    static final String FOLDER = "folder";
    static final String MIN_ROOT_LENGTH = "min_root_length";

    final SettingsModelString m_folder = new SettingsModelString(FOLDER, "");
    final SettingsModelDoubleBounded m_minRootLength =
        new SettingsModelDoubleBounded(MIN_ROOT_LENGTH, RsmlReader.PAPER_MIN_ROOT_LENGTH, 0, 10000);

    @Override
    public List<SettingsModel> models() {
        return List.of(m_folder, m_minRootLength);
    }

    @Override
    public void check() throws InvalidSettingsException {
        folder();
    }

    Path folder() throws InvalidSettingsException {
        String f = m_folder.getStringValue();
        if (f == null || f.isBlank()) {
            throw bad("Image folder", "no folder chosen");
        }
        Path p;
        try {
            p = Path.of(f.startsWith("file:") ? java.net.URI.create(f).getPath() : f);
        } catch (IllegalArgumentException e) {
            throw bad("Image folder", "'" + f + "' is not a valid path: " + e.getMessage());
        }
        return p;
    }

    /** Existence is checked at configure time (the folder may be created after the settings were made). */
    Path existingFolder() throws InvalidSettingsException {
        Path p = folder();
        if (!Files.isDirectory(p)) {
            throw bad("Image folder", "'" + p + "' does not exist or is not a folder");
        }
        return p;
    }
}
