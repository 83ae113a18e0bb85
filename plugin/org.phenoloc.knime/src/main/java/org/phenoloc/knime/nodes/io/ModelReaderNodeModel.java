package org.phenoloc.knime.nodes.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.engine.model.ModelMetadata;
import org.phenoloc.knime.port.PhenolocModelPortObject;
import org.phenoloc.knime.port.PhenolocModelPortSpec;
import org.phenoloc.knime.util.PhenolocNodeModel;

/**
 * Phenoloc model file -> model port (engine: ModelFiles). Configure reads only the file's metadata (task, classes,
 * window) so that downstream nodes can be configured without loading the network.
 */
final class ModelReaderNodeModel extends PhenolocNodeModel<LocationSettings> {
    ModelReaderNodeModel() {
        super(new PortType[0], new PortType[] {PhenolocModelPortObject.TYPE}, LocationSettings::modelFile);
    }

    private Path existingFile() throws InvalidSettingsException {
        Path file = m_settings.path();
        if (!Files.isRegularFile(file)) {
            throw new InvalidSettingsException("Setting 'Model file': '" + m_settings.m_location.getStringValue()
                + "' (" + file + ") does not exist");
        }
        return file;
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        Path file = existingFile();
        try {
            return new PortObjectSpec[] {new PhenolocModelPortSpec(metadata(file))};
        } catch (IOException | RuntimeException e) {
            throw new InvalidSettingsException("Setting 'Model file': " + file + " is not a Phenoloc model file: "
                + e.getMessage(), e);
        }
    }

    /** The metadata entry of a model file, without reading the network. */
    static ModelMetadata metadata(final Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if (e.getName().equals("metadata.json")) {
                    return ModelMetadata.fromJson(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        throw new IOException("no metadata.json entry");
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        Path file = existingFile();
        exec.setMessage("reading " + file.getFileName());
        return new PortObject[] {new PhenolocModelPortObject(ModelFiles.load(file))};
    }
}
