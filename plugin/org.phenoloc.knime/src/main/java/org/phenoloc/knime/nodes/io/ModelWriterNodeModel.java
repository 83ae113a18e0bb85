package org.phenoloc.knime.nodes.io;

import java.nio.file.Files;
import java.nio.file.Path;

import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.phenoloc.engine.io.OutputChecks;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.knime.port.PhenolocModelPortObject;
import org.phenoloc.knime.util.PhenolocNodeModel;

/**
 * Model port -> Phenoloc model file (engine: ModelFiles, the format of {@code phenoloc train --model}), written
 * atomically; missing parent folders are created. The same file works with the command line and the Model Reader.
 */
final class ModelWriterNodeModel extends PhenolocNodeModel<LocationSettings> {
    ModelWriterNodeModel() {
        super(new PortType[] {PhenolocModelPortObject.TYPE}, new PortType[0], LocationSettings::modelFile);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        m_settings.check();
        Path file = m_settings.path();
        if (Files.isDirectory(file)) {
            throw new InvalidSettingsException("Setting '" + m_settings.m_label + "': " + file
                + " is a folder; give a file name, e.g. "
                + file.resolve("model.phenoloc"));
        }
        return new PortObjectSpec[0];
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        Path file = m_settings.path();
        exec.setMessage("writing " + file.getFileName());
        OutputChecks.checkFile(file); // folder creatable and writable, disk not full, before the model is written
        ModelFiles.save(((PhenolocModelPortObject)inObjects[0]).getModel(), file);
        return new PortObject[0];
    }
}
