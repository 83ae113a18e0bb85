package org.phenoloc.knime.nodes.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.nd4j.linalg.factory.Nd4j;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.model.ModelMetadata;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.network.Backend;
import org.phenoloc.engine.patches.Patch;
import org.phenoloc.engine.patches.PatchRecipe;
import org.phenoloc.engine.training.EpochStats;
import org.phenoloc.engine.training.Trainer;
import org.phenoloc.engine.training.TrainingCancelledException;
import org.phenoloc.engine.training.TrainingConfig;
import org.phenoloc.engine.training.TrainingListener;
import org.phenoloc.engine.training.DenseTrainingConfig;
import org.phenoloc.engine.training.TrainingJob;
import org.phenoloc.engine.training.TrainingMethod;
import org.phenoloc.engine.training.TrainingResult;
import org.phenoloc.knime.port.PhenolocModelPortObject;
import org.phenoloc.knime.port.PhenolocModelPortSpec;
import org.phenoloc.knime.util.Columns;
import org.phenoloc.knime.util.Images;
import org.phenoloc.knime.util.PatchColumn;
import org.phenoloc.knime.util.PhenolocNodeModel;
import org.phenoloc.knime.util.Tables;

/** Patch table (+ optional validation patches) -> trained model + history (engine: Trainer). */
final class CnnLearnerNodeModel extends PhenolocNodeModel<CnnLearnerSettings> {
    CnnLearnerNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL},
            new PortType[] {PhenolocModelPortObject.TYPE, BufferedDataTable.TYPE}, CnnLearnerSettings::new);
    }

    static DataTableSpec historySpec() {
        return new DataTableSpec(Tables.intCol("epoch"), Tables.doubleCol("learning_rate"), Tables.doubleCol("loss"),
            Tables.doubleCol("train_accuracy"), Tables.doubleCol("validation_accuracy"), Tables.doubleCol("seconds"),
            Tables.intCol("best"));
    }

    private record Cols(int patch, int cls, int partition) {
    }

    private Cols columns(final DataTableSpec spec, final String table, final boolean partition)
        throws InvalidSettingsException {
        int patch = Tables.column(spec, m_settings.m_patchColumn.getStringValue(), PNGImageValue.class,
            "Patch column", table);
        int cls = Tables.column(spec, m_settings.m_classColumn.getStringValue(), StringValue.class, "Class column",
            table);
        int part = -1;
        String p = m_settings.m_partitionColumn.getStringValue();
        if (partition && p != null && !p.isBlank() && spec.containsName(p)) {
            part = Tables.column(spec, p, StringValue.class, "Partition column", table);
        }
        return new Cols(patch, cls, part);
    }

    /** The recipe the patches were cut with, from the patch column; checked against the network's window. */
    private PatchRecipe recipe(final DataTableSpec spec, final int channels) throws InvalidSettingsException {
        DataColumnSpec col = spec.getColumnSpec(m_settings.m_patchColumn.getStringValue());
        if (!PatchColumn.hasRecipe(col)) {
            throw new InvalidSettingsException("Setting 'Patch column': column '" + col.getName() + "' carries no"
                + " patch recipe; make the patch table with the Patch Cropper node");
        }
        PatchRecipe recipe = PatchColumn.recipe(col);
        Architecture arch = m_settings.architecture(PatchColumn.task(col), channels);
        if (recipe.window() != arch.window()) {
            throw new InvalidSettingsException("The " + PatchColumn.task(col).id() + " network takes " + arch.window() + " x " + arch.window()
                + " px windows, but the patches were cut for a window of " + recipe.window()
                + " px (Patch Cropper setting 'Window')");
        }
        return recipe;
    }

    /** The task the patches were cut for (recorded by the Patch Cropper in the patch column). */
    private Task task(final DataTableSpec spec) {
        return PatchColumn.task(spec.getColumnSpec(m_settings.m_patchColumn.getStringValue()));
    }

    private ModelMetadata metadata(final DataTableSpec spec, final Map<String, String> provenance)
        throws InvalidSettingsException {
        int channels = PatchColumn.hasRecipe(spec.getColumnSpec(m_settings.m_patchColumn.getStringValue()))
            ? PatchColumn.channels(spec.getColumnSpec(m_settings.m_patchColumn.getStringValue())) : 3;
        Task task = task(spec);
        return new ModelMetadata(task.id(), task.classes(), m_settings.architecture(task, channels),
            recipe(spec, channels), task.imageScale(), task.defaultThresholds(), provenance);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        m_settings.check();
        DataTableSpec train = (DataTableSpec)inSpecs[0];
        columns(train, "patch table", true);
        if (inSpecs[1] != null) {
            columns((DataTableSpec)inSpecs[1], "validation patch table", false);
        }
        return new PortObjectSpec[] {new PhenolocModelPortSpec(metadata(train, Map.of())), historySpec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[0];
        BufferedDataTable validation = (BufferedDataTable)inObjects[1];
        Cols c = columns(table.getDataTableSpec(), "patch table", validation == null);
        List<Patch> train = new ArrayList<>();
        List<Patch> test = new ArrayList<>();
        exec.setMessage("reading patches");
        Task task = task(table.getDataTableSpec());
        read(table, c, task, train, test);
        if (validation != null) {
            read(validation, columns(validation.getDataTableSpec(), "validation patch table", false), task, test,
                test);
        }
        ModelMetadata meta = metadata(table.getDataTableSpec(), Map.of());
        TrainingConfig config = m_settings.training();
        Architecture arch = meta.architecture();
        checkPatchSizes(meta, train, test);
        TrainingResult result = fit(exec, arch, config, train, test);
        BufferedDataTable history = historyTable(exec, result, test.isEmpty());
        if (test.isEmpty()) {
            setWarningMessage("No validation patches (no 'test' partition rows and no validation table): the best"
                + " epoch was chosen on training accuracy");
        }
        // the typed provenance, built by the engine exactly as for the command line's training
        var settings = new TrainingJob.Settings(task, arch.channels(), m_settings.widthScale(), arch.batchNorm(), 0,
            TrainingMethod.PATCHES, config, DenseTrainingConfig.defaults());
        var prov = TrainingJob.provenance("KNIME patch table", "KNIME CNN Learner", TrainingMethod.PATCHES,
            List.of(), List.of(), settings, train.size(), test.size(), result.history(), result.bestEpoch(), "",
            result.seconds(), result.samplesPerSecond()).toMap();
        PhenolocModel model = new PhenolocModel(result.network(), meta.withProvenance(prov));
        return new PortObject[] {new PhenolocModelPortObject(model), history};
    }

    /** Every patch has the size and channels of the training patch column's recipe. */
    private static void checkPatchSizes(final ModelMetadata meta, final List<Patch> train, final List<Patch> test) {
        Architecture arch = meta.architecture();
        for (List<Patch> ps : List.of(train, test)) {
            for (Patch p : ps) {
                if (p.channels() != arch.channels() || p.size() != meta.recipe().storedSize()) {
                    throw new BadInputException(p.image() + ": the patch is " + p.size() + " x " + p.size() + " x "
                        + p.channels() + ", but the training patch column's recipe says " + meta.recipe().storedSize()
                        + " x " + meta.recipe().storedSize() + " x " + arch.channels()
                        + " (patch tables cut with different Patch Cropper settings?)");
                }
            }
        }
    }

    /** Trains with progress and cancel through {@code exec}; out of memory becomes advice on what to raise. */
    private static TrainingResult fit(final ExecutionContext exec, final Architecture arch, final TrainingConfig config,
        final List<Patch> train, final List<Patch> test) throws CanceledExecutionException {
        Backend.init();
        try {
            return new Trainer(arch, config).train(train, test, new TrainingListener() {
                @Override
                public void batchDone(final int epoch, final int batch, final int batches, final double loss,
                    final double progress) {
                    exec.setProgress(progress, String.format(Locale.ROOT, "epoch %d/%d, batch %d/%d, loss %.4f",
                        epoch, config.epochs(), batch, batches, loss));
                }

                @Override
                public boolean isCancelled() {
                    return cancelled(exec);
                }
            });
        } catch (TrainingCancelledException e) {
            throw cancelledException();
        } catch (OutOfMemoryError e) {
            throw new IllegalStateException(outOfMemoryAdvice(config, arch), e);
        } finally {
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        }
    }

    /** One row per epoch: rate, loss, accuracies, seconds, and which epoch's weights were kept. */
    private static BufferedDataTable historyTable(final ExecutionContext exec, final TrainingResult result,
        final boolean noValidation) {
        BufferedDataContainer history = exec.createDataContainer(historySpec());
        for (EpochStats s : result.history()) {
            history.addRowToTable(new DefaultRow(RowKey.createRowKey(s.epoch() - 1L), new IntCell(s.epoch()),
                new DoubleCell(s.learningRate()), new DoubleCell(s.meanLoss()), Tables.doubleOrMissing(s.trainAccuracy()),
                Tables.doubleOrMissing(noValidation ? Double.NaN : s.testAccuracy()), new DoubleCell(s.seconds()),
                new IntCell(s.epoch() == result.bestEpoch() ? 1 : 0)));
        }
        history.close();
        return history.getTable();
    }

    /** Which memory setting to raise, with the numbers that matter. */
    static String outOfMemoryAdvice(final TrainingConfig config, final Architecture arch) {
        long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return "Out of memory while training (Java heap and ND4J's off-heap memory are both limited by the Java"
            + " heap setting, now " + mb + " MB). Raise -Xmx in knime.ini (e.g. -Xmx8g; the line after -vmargs) and"
            + " restart KNIME, or lower 'Batch size' (now " + config.batchSize() + ") or use the 'custom'"
            + " architecture with a 'Width scale' below 1 (network now " + arch + ").";
    }

    private void read(final BufferedDataTable table, final Cols c, final Task task, final List<Patch> train,
        final List<Patch> test) {
        List<String> classes = task.classes();
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                DataRow r = it.next();
                String cls = Tables.string(r, c.cls(), "class");
                int label = classes.indexOf(cls);
                if (label < 0) {
                    throw new BadInputException("row '" + r.getKey() + "': class '" + cls + "' is not one of the "
                        + task.id() + " classes " + classes);
                }
                Patch p = Images.patch(r, c.patch(), label, "row '" + r.getKey() + "'", 0, 0);
                boolean isTest = c.partition() >= 0 && !r.getCell(c.partition()).isMissing()
                    && Columns.TEST.equals(Tables.string(r, c.partition(), "partition"));
                (isTest ? test : train).add(p);
            }
        }
    }
}
