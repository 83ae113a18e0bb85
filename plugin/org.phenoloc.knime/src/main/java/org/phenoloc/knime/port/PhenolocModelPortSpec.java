package org.phenoloc.knime.port;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;

import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.phenoloc.engine.model.ModelMetadata;

/**
 * What is known about a Phenoloc model before it exists (at configure time): its metadata, i.e. task, classes,
 * network shape, patch recipe and default thresholds. Saved as the model file's metadata.json.
 */
public final class PhenolocModelPortSpec implements PortObjectSpec {
    static final String ENTRY = "metadata.json";

    /** Registered in plugin.xml (extension point org.knime.core.PortType, specSerializer). */
    public static final class Serializer extends PortObjectSpecSerializer<PhenolocModelPortSpec> {
        @Override
        public void savePortObjectSpec(final PhenolocModelPortSpec spec, final PortObjectSpecZipOutputStream out)
            throws IOException {
            out.putNextEntry(new ZipEntry(ENTRY));
            out.write(spec.m_metadata.toJson().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        @Override
        public PhenolocModelPortSpec loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (e.getName().equals(ENTRY)) {
                    String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    try {
                        return new PhenolocModelPortSpec(ModelMetadata.fromJson(json));
                    } catch (RuntimeException ex) {
                        throw new IOException("bad Phenoloc model metadata in the port spec: " + ex.getMessage(), ex);
                    }
                }
            }
            throw new IOException("no " + ENTRY + " in the Phenoloc model port spec");
        }
    }

    private final ModelMetadata m_metadata;

    public PhenolocModelPortSpec(final ModelMetadata metadata) {
        m_metadata = metadata;
    }

    public ModelMetadata getMetadata() {
        return m_metadata;
    }

    /** One line for tooltips and messages. */
    public String describe() {
        return "Phenoloc " + m_metadata.task() + " model, classes " + m_metadata.classes() + ", window "
            + m_metadata.architecture().window() + " px";
    }

    @Override
    public JComponent[] getViews() {
        JTextArea text = new JTextArea(m_metadata.toJson());
        text.setEditable(false);
        JScrollPane pane = new JScrollPane(text);
        pane.setName("Model metadata");
        return new JComponent[] {pane};
    }

    @Override
    public String toString() {
        return describe();
    }
}
