package org.phenoloc.knime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.DataCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.StandIn;
import org.knime.core.node.port.PortObject;
import org.phenoloc.engine.synthetic.RootSystemConfig;
import org.phenoloc.engine.synthetic.RootSystemGenerator;
import org.phenoloc.knime.nodes.cropper.PatchCropperNodeFactory;
import org.phenoloc.knime.nodes.learner.CnnLearnerNodeFactory;
import org.phenoloc.knime.nodes.reader.AnnotationReaderNodeFactory;
import org.phenoloc.knime.port.PhenolocModelPortObject;

/**
 * Shared test data, made once per JVM: three small synthetic root images with RSML, the points and patch tables
 * made from them by the nodes, and a tiny model (root layout at 1/8 width, 2 epochs).
 */
public final class Fixtures {
    public static final int IMAGES = 3;
    private static Path s_dataset;
    private static BufferedDataTable s_points;
    private static BufferedDataTable s_patches;
    private static PhenolocModelPortObject s_model;

    private Fixtures() {
    }

    public static synchronized Path dataset() {
        if (s_dataset == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "test-data", "roots"));
                RootSystemGenerator.writeDataset(dir, IMAGES, new RootSystemConfig(192, 256, 2, 2, 0.3, 0.3, 7));
                s_dataset = dir.toAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return s_dataset;
    }

    public static synchronized BufferedDataTable points() throws Exception {
        if (s_points == null) {
            NodeModel reader = new AnnotationReaderNodeFactory().createNodeModel();
            set(reader, "folder", dataset().toString());
            s_points = (BufferedDataTable)execute(reader)[0];
        }
        return s_points;
    }

    public static synchronized BufferedDataTable patches() throws Exception {
        if (s_patches == null) {
            NodeModel cropper = new PatchCropperNodeFactory().createNodeModel();
            s_patches = (BufferedDataTable)execute(cropper, points())[0];
        }
        return s_patches;
    }

    /** Learner settings for a tiny, quick net. */
    public static NodeModel tinyLearner(final int epochs) throws InvalidSettingsException {
        NodeModel learner = new CnnLearnerNodeFactory().createNodeModel();
        set(learner, "architecture", "custom");
        set(learner, "width_scale", 0.125);
        set(learner, "epochs", epochs);
        set(learner, "batch_size", 16);
        set(learner, "patience", 0);
        return learner;
    }

    public static synchronized PhenolocModelPortObject model() throws Exception {
        if (s_model == null) {
            s_model = (PhenolocModelPortObject)execute(tinyLearner(2), patches(), null)[0];
        }
        return s_model;
    }

    /** Changes one setting the way the dialog would: save, change, validate + load. */
    public static void set(final NodeModel model, final String key, final Object value)
        throws InvalidSettingsException {
        NodeSettings s = StandIn.saveSettings(model);
        if (!s.containsKey(key)) {
            throw new IllegalArgumentException("no setting '" + key + "' in " + s.keySet());
        }
        put(s, key, value);
        StandIn.loadSettings(model, s);
    }

    /** A stored setting's value, whatever its type (int, double, boolean or string). */
    public static Object value(final NodeSettings s, final String key) throws InvalidSettingsException {
        for (var getter : java.util.List.<SettingGetter> of(s::getInt, s::getDouble, s::getBoolean)) {
            try {
                return getter.get(key);
            } catch (InvalidSettingsException e) {
                // another type
            }
        }
        return s.getString(key);
    }

    private interface SettingGetter {
        Object get(String key) throws InvalidSettingsException;
    }

    public static void put(final NodeSettings s, final String key, final Object value) {
        if (value instanceof Integer i) {
            s.addInt(key, i);
        } else if (value instanceof Double d) {
            s.addDouble(key, d);
        } else if (value instanceof Boolean b) {
            s.addBoolean(key, b);
        } else {
            s.addString(key, (String)value);
        }
    }

    /** Configure (with the inputs' specs), then execute, as KNIME does. */
    public static PortObject[] execute(final NodeModel model, final PortObject... in) throws Exception {
        return execute(model, new ExecutionContext(), in);
    }

    public static PortObject[] execute(final NodeModel model, final ExecutionContext exec, final PortObject... in)
        throws Exception {
        org.knime.core.node.port.PortObjectSpec[] specs = new org.knime.core.node.port.PortObjectSpec[in.length];
        for (int i = 0; i < in.length; i++) {
            specs[i] = in[i] == null ? null : in[i].getSpec();
        }
        StandIn.configure(model, specs);
        return StandIn.execute(model, exec, in);
    }

    /** A table with the given string columns and rows. */
    public static BufferedDataTable strings(final String[] columns, final String[]... rows) {
        org.knime.core.data.DataColumnSpec[] cols = new org.knime.core.data.DataColumnSpec[columns.length];
        for (int i = 0; i < columns.length; i++) {
            cols[i] = org.phenoloc.knime.util.Tables.stringCol(columns[i]);
        }
        BufferedDataContainer c = new ExecutionContext().createDataContainer(new DataTableSpec(cols));
        int n = 0;
        for (String[] r : rows) {
            DataCell[] cells = new DataCell[r.length];
            for (int i = 0; i < r.length; i++) {
                cells[i] = new StringCell(r[i]);
            }
            c.addRowToTable(new DefaultRow(RowKey.createRowKey(n++), cells));
        }
        c.close();
        return c.getTable();
    }

    public static java.util.List<DataRow> rows(final BufferedDataTable t) {
        java.util.List<DataRow> out = new java.util.ArrayList<>();
        try (CloseableRowIterator it = t.iterator()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    public static NodeFactory<?>[] factories() {
        return new NodeFactory<?>[] {new AnnotationReaderNodeFactory(), new PatchCropperNodeFactory(),
            new CnnLearnerNodeFactory(), new org.phenoloc.knime.nodes.dense.DenseLearnerNodeFactory(),
            new org.phenoloc.knime.nodes.predictor.CnnPredictorNodeFactory(),
            new org.phenoloc.knime.nodes.localiser.LocaliserNodeFactory(),
            new org.phenoloc.knime.nodes.scorer.ScorerNodeFactory(),
            new org.phenoloc.knime.nodes.io.ImageListerNodeFactory(),
            new org.phenoloc.knime.nodes.io.ModelWriterNodeFactory(),
            new org.phenoloc.knime.nodes.io.ModelReaderNodeFactory(),
            new org.phenoloc.knime.nodes.io.ResultsWriterNodeFactory()};
    }
}
