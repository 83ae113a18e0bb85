package org.phenoloc.knime.port;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.engine.model.PhenolocModel;

/**
 * A trained Phenoloc network with its metadata, passed between nodes and saved with the workflow. The port content
 * is the engine's model file (zip of metadata.json and the DL4J network) in one zip entry.
 */
public final class PhenolocModelPortObject extends AbstractPortObject {
    /** Registered in plugin.xml (extension point org.knime.core.PortType, objectSerializer). */
    public static final class Serializer extends AbstractPortObjectSerializer<PhenolocModelPortObject> {
    }

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(PhenolocModelPortObject.class);

    static final String ENTRY = "phenoloc-model.zip";

    private PhenolocModel m_model;
    private PhenolocModelPortSpec m_spec;

    /** For the serializer only. */
    public PhenolocModelPortObject() {
    }

    public PhenolocModelPortObject(final PhenolocModel model) {
        m_model = model;
        m_spec = new PhenolocModelPortSpec(model.metadata());
    }

    public PhenolocModel getModel() {
        return m_model;
    }

    @Override
    public PhenolocModelPortSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return m_spec.describe() + ", " + m_model.network().numParams() + " parameters";
    }

    @Override
    public JComponent[] getViews() {
        JTextArea text = new JTextArea(m_model.summary());
        text.setEditable(false);
        JScrollPane pane = new JScrollPane(text);
        pane.setName("Phenoloc model");
        return new JComponent[] {pane};
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec) throws IOException {
        out.putNextEntry(new ZipEntry(ENTRY));
        // DL4J and zip streams like to close what they write to; KNIME's stream must stay open
        ModelFiles.write(m_model, new FilterOutputStream(out) {
            @Override
            public void write(final byte[] b, final int off, final int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
        out.closeEntry();
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException {
        for (ZipEntry e; (e = in.getNextEntry()) != null;) {
            if (e.getName().equals(ENTRY)) {
                InputStream shielded = new FilterInputStream(in) {
                    @Override
                    public void close() {
                        // keep KNIME's stream open
                    }
                };
                try {
                    m_model = ModelFiles.read(shielded, Path.of("Phenoloc model port"));
                } catch (BadInputException ex) {
                    throw new IOException(ex.getMessage(), ex);
                }
                m_spec = new PhenolocModelPortSpec(m_model.metadata());
                return;
            }
        }
        throw new IOException("no " + ENTRY + " entry in the Phenoloc model port content");
    }
}
