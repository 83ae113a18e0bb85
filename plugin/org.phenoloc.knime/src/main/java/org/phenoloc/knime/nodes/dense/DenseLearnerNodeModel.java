package org.phenoloc.knime.nodes.dense;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.nd4j.linalg.factory.Nd4j;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.model.ModelMetadata;
import org.phenoloc.engine.patches.ImageSplit;
import org.phenoloc.engine.training.EpochStats;
import org.phenoloc.engine.training.TrainingCancelledException;
import org.phenoloc.engine.training.TrainingJob;
import org.phenoloc.engine.training.TrainingListener;
import org.phenoloc.knime.port.PhenolocModelPortObject;
import org.phenoloc.knime.port.PhenolocModelPortSpec;
import org.phenoloc.knime.util.Geometry;
import org.phenoloc.knime.util.Locations;
import org.phenoloc.knime.util.PhenolocNodeModel;
import org.phenoloc.knime.util.Tables;

/**
 * Annotated points (one row per point, as the Annotation Reader writes them) -> a model trained densely on the images,
 * with its threshold and suppression radius calibrated on held-out images. A thin adapter over the engine's
 * TrainingJob, the same call as the command line's {@code train}.
 */
final class DenseLearnerNodeModel extends PhenolocNodeModel<DenseLearnerSettings> {
    static final String NODE = "KNIME Dense CNN Learner";
    private static final NodeLogger LOGGER = NodeLogger.getLogger(DenseLearnerNodeModel.class);

    DenseLearnerNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL},
            new PortType[] {PortTypeRegistry.getInstance().getPortType(PhenolocModelPortObject.class),
                BufferedDataTable.TYPE},
            DenseLearnerSettings::new);
    }

    static DataTableSpec historySpec() {
        return new DataTableSpec(Tables.intCol("epoch"), Tables.doubleCol("learning_rate"), Tables.doubleCol("loss"),
            Tables.doubleCol("validation_f1"), Tables.doubleCol("seconds"), Tables.intCol("best"));
    }

    /** @param geometry the Annotation Reader's root geometry column, -1 when the table has none */
    private record Cols(int image, int cls, int x, int y, int geometry) {
    }

    private Cols columns(final DataTableSpec spec, final String table) throws InvalidSettingsException {
        return new Cols(Tables.column(spec, m_settings.m_imageColumn.getStringValue(), StringValue.class,
            "Image path column", table),
            Tables.column(spec, m_settings.m_classColumn.getStringValue(), StringValue.class, "Class column", table),
            Tables.column(spec, m_settings.m_xColumn.getStringValue(), DoubleValue.class, "X column", table),
            Tables.column(spec, m_settings.m_yColumn.getStringValue(), DoubleValue.class, "Y column", table),
            Geometry.column(spec));
    }

    private ModelMetadata metadata() throws InvalidSettingsException {
        TrainingJob.Settings s = m_settings.settings();
        Task t = s.task();
        return new ModelMetadata(t.id(), t.classes(), s.architecture(), s.recipe(), s.imageScale(),
            t.defaultThresholds(), Map.of());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        m_settings.check();
        columns((DataTableSpec)inSpecs[0], "points table");
        if (inSpecs[1] != null) {
            columns((DataTableSpec)inSpecs[1], "validation points table");
        }
        return new PortObjectSpec[] {new PhenolocModelPortSpec(metadata()), historySpec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        TrainingJob.Settings settings = m_settings.settings();
        BufferedDataTable points = (BufferedDataTable)inObjects[0];
        BufferedDataTable validation = (BufferedDataTable)inObjects[1];
        List<AnnotatedImage> train = images(points, columns(points.getDataTableSpec(), "points table"), settings.task());
        ImageSplit split = validation == null
            ? ImageSplit.of(train, settings.testFraction(), settings.training().seed())
            : new ImageSplit(train, images(validation, columns(validation.getDataTableSpec(), "validation points table"),
                settings.task()));
        if (m_settings.m_imageScale.getDoubleValue() == 0) { // the default: derived from the roots' width if given
            List<AnnotatedImage> all = new ArrayList<>(split.train());
            all.addAll(split.test());
            TrainingJob.ScaleChoice choice;
            try {
                choice = TrainingJob.imageScaleFor(settings.task(), settings.method(), all, progress(exec));
            } catch (Progress.CancelledException e) {
                throw cancelledException();
            }
            LOGGER.info(choice.describe());
            settings = settings.withImageScale(choice);
        }
        List<String> warnings = new ArrayList<>();
        Path checkpoint = m_settings.m_checkpoint.getStringValue().isBlank() ? null
            : Locations.setting(m_settings.m_checkpoint.getStringValue(), DenseLearnerSettings.CHECKPOINT_LABEL);
        TrainingJob.Outcome outcome;
        try {
            outcome = TrainingJob.run(split, "KNIME points table", NODE, settings, listener(exec, settings, warnings),
                line -> {
                    if (line.startsWith("warning: ")) {
                        warnings.add(line.substring("warning: ".length()));
                    }
                }, checkpoint);
        } catch (TrainingCancelledException e) {
            throw cancelledException();
        } catch (OutOfMemoryError e) {
            throw new IllegalStateException("Out of memory while training (Java heap and ND4J's off-heap memory are"
                + " both limited by the Java heap setting, now " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB). Raise -Xmx in knime.ini (e.g. -Xmx8g; the line after -vmargs) and restart KNIME, or lower"
                + " 'Crops per batch' or 'Width scale'.", e);
        } finally {
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        }
        if (checkpoint != null) {
            Files.deleteIfExists(checkpoint); // the model port holds it all now
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("\n", warnings));
        }
        return new PortObject[] {new PhenolocModelPortObject(outcome.model()), history(exec, outcome)};
    }

    /** @param notes collects what the node should say when done (a training continued from its checkpoint) */
    private static TrainingListener listener(final ExecutionContext exec, final TrainingJob.Settings s,
        final List<String> notes) {
        return new TrainingListener() {
            @Override
            public void batchDone(final int epoch, final int batch, final int batches, final double loss,
                final double progress) {
                exec.setProgress(progress, String.format(Locale.ROOT, "epoch %d/%d, batch %d/%d, loss %.4f", epoch,
                    s.training().epochs(), batch, batches, loss));
            }

            @Override
            public void message(final String text) {
                exec.setMessage(text);
                if (text.startsWith("continuing the training after epoch")) {
                    notes.add(text + ", kept in the checkpoint file of a cancelled or failed run");
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled(exec);
            }
        };
    }

    private static BufferedDataTable history(final ExecutionContext exec, final TrainingJob.Outcome o) {
        BufferedDataContainer history = exec.createDataContainer(historySpec());
        for (EpochStats s : o.history()) {
            history.addRowToTable(new DefaultRow(RowKey.createRowKey(s.epoch() - 1L), new IntCell(s.epoch()),
                new DoubleCell(s.learningRate()), new DoubleCell(s.meanLoss()), Tables.doubleOrMissing(s.validationF1()),
                new DoubleCell(s.seconds()), new IntCell(s.epoch() == o.provenance().bestEpoch() ? 1 : 0)));
        }
        history.close();
        return history.getTable();
    }

    /** Rows grouped by image (in first-seen order) into annotated images; other tasks' classes are an error. */
    private static List<AnnotatedImage> images(final BufferedDataTable table, final Cols c, final Task task) {
        Map<String, List<Feature>> byImage = new LinkedHashMap<>();
        Map<String, List<List<Point>>> lines = new LinkedHashMap<>();
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                DataRow r = it.next();
                String image = Tables.string(r, c.image(), "image path");
                String cls = Tables.string(r, c.cls(), "class");
                if (!task.featureClassList().contains(cls)) {
                    throw new BadInputException("row '" + r.getKey() + "': class '" + cls + "' is not one of the "
                        + task.id() + " classes " + task.featureClassList() + " (setting 'Task')");
                }
                byImage.computeIfAbsent(image, k -> new ArrayList<>())
                    .add(new Feature(cls, Tables.number(r, c.x(), "x"), Tables.number(r, c.y(), "y")));
                if (c.geometry() >= 0 && !lines.containsKey(image) && !r.getCell(c.geometry()).isMissing()) {
                    lines.put(image, Geometry.read(r, c.geometry())); // every row of an image carries it: read once
                }
            }
        }
        List<AnnotatedImage> out = new ArrayList<>();
        byImage.forEach((image, features) -> {
            Path file = Locations.cell(image, "image " + image); // local paths and knime:// URLs alike
            out.add(new AnnotatedImage(file, file, features, lines.getOrDefault(image, List.of())));
        });
        return out;
    }
}
