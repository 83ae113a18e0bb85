package org.phenoloc.knime.nodes.dense;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.training.DenseTrainingConfig;
import org.phenoloc.engine.training.TrainingConfig;
import org.phenoloc.engine.training.TrainingJob;
import org.phenoloc.engine.training.TrainingMethod;
import org.phenoloc.knime.util.Columns;
import org.phenoloc.knime.util.Locations;
import org.phenoloc.knime.util.NodeSettingsBundle;
import org.phenoloc.knime.util.TaskSetting;

/**
 * Settings of the Dense CNN Learner; defaults are the engine's (TrainingJob.Settings.defaults, the command line's
 * {@code train} without options).
 */
final class DenseLearnerSettings extends NodeSettingsBundle {
    private static final TrainingJob.Settings D = TrainingJob.Settings.defaults(Task.ROOTS);
    private static final DenseTrainingConfig DD = D.dense();
    private static final TrainingConfig DT = D.training();
    static final String IMAGE_SCALE = "image_scale";
    static final String ROTATION = "rotation_degrees";
    static final String WEIGHT_AVERAGING = "weight_averaging";
    static final String POSITIVE_RADIUS = "positive_radius";
    static final String IGNORE_RADIUS = "ignore_radius";
    static final String CHECKPOINT = "checkpoint_location";
    static final String CHECKPOINT_LABEL = "Checkpoint file";

    final SettingsModelString m_task = TaskSetting.model();
    final SettingsModelString m_imageColumn = new SettingsModelString("image_column", Columns.IMAGE);
    final SettingsModelString m_classColumn = new SettingsModelString("class_column", Columns.CLASS);
    final SettingsModelString m_xColumn = new SettingsModelString("x_column", Columns.X);
    final SettingsModelString m_yColumn = new SettingsModelString("y_column", Columns.Y);
    /** 0: the task's default (TrainingJob.defaultWidth: 0.5 roots, 0.25 shoots). */
    final SettingsModelDoubleBounded m_widthScale = new SettingsModelDoubleBounded("width_scale", 0, 0, 4);
    final SettingsModelBoolean m_batchNorm = new SettingsModelBoolean("batch_norm", true);
    /**
     * 0: the default: for roots, the scale that makes the roots 4 px wide (TrainingJob.imageScaleFor: measured across
     * the Annotation Reader's root geometry, or along the roots traced from the tip points), else the task's
     * (TrainingJob.defaultImageScale: 0.75 roots, 0.5 shoots);
     * workflows saved before this setting existed load with 0.
     */
    final SettingsModelDoubleBounded m_imageScale = new SettingsModelDoubleBounded(IMAGE_SCALE, 0, 0, 1);
    final SettingsModelIntegerBounded m_epochs = new SettingsModelIntegerBounded("epochs", DT.epochs(), 1, 100000);
    final SettingsModelDoubleBounded m_learningRate =
        new SettingsModelDoubleBounded("learning_rate", DT.learningRate(), 1e-9, 1);
    final SettingsModelDoubleBounded m_weightDecay =
        new SettingsModelDoubleBounded("weight_decay", DT.weightDecay(), 0, 1);
    final SettingsModelIntegerBounded m_cropsPerEpoch =
        new SettingsModelIntegerBounded("crops_per_epoch", DD.cropsPerEpoch(), 1, 1000000);
    final SettingsModelIntegerBounded m_batchCrops =
        new SettingsModelIntegerBounded("batch_crops", DD.batchCrops(), 1, 4096);
    final SettingsModelIntegerBounded m_cells = new SettingsModelIntegerBounded("cells", DD.cells(), 1, 256);
    final SettingsModelDoubleBounded m_featureWeight =
        new SettingsModelDoubleBounded("feature_weight", DD.featureWeight(), 0.001, 1000);
    final SettingsModelIntegerBounded m_miningRounds =
        new SettingsModelIntegerBounded("mining_rounds", DD.miningRounds(), 0, 10);
    final SettingsModelBoolean m_augment = new SettingsModelBoolean("augment", DD.augment());
    /** Largest crop rotation either way; workflows saved before this setting existed load with 180 (any angle). */
    final SettingsModelDoubleBounded m_rotation =
        new SettingsModelDoubleBounded(ROTATION, DD.rotationDegrees(), 0, 180);
    /** Decay of the weight average; workflows saved before this setting existed load with 0 (off). */
    final SettingsModelDoubleBounded m_weightAveraging =
        new SettingsModelDoubleBounded(WEIGHT_AVERAGING, DD.weightAveraging(), 0, 0.9999);
    /** Windows within this many window sides of a feature are trained as the feature. */
    final SettingsModelDoubleBounded m_positiveRadius =
        new SettingsModelDoubleBounded(POSITIVE_RADIUS, DD.positiveRadius(), 0.01, 4);
    /**
     * Windows out to this radius (window sides) are not trained. Workflows saved before this setting existed load with
     * the ring they were trained with: 0.5 windows for roots, 0.3 for shoots.
     */
    final SettingsModelDoubleBounded m_ignoreRadius =
        new SettingsModelDoubleBounded(IGNORE_RADIUS, DD.ignoreRadius(), 0.01, 4);
    final SettingsModelDoubleBounded m_testFraction =
        new SettingsModelDoubleBounded("test_fraction", D.testFraction(), 0, 0.9);
    final SettingsModelIntegerBounded m_seed =
        new SettingsModelIntegerBounded("seed", (int)DT.seed(), 0, Integer.MAX_VALUE);
    /**
     * Where the training keeps its checkpoint after every epoch (a path or knime:// URL; empty, the default, and in
     * workflows saved before the setting existed: none). A checkpoint there from a cancelled or failed run of the same
     * training is continued; it is removed once the node has executed.
     */
    final SettingsModelString m_checkpoint = new SettingsModelString(CHECKPOINT, "");

    @Override
    public List<SettingsModel> models() {
        return List.of(m_task, m_imageColumn, m_classColumn, m_xColumn, m_yColumn, m_widthScale, m_batchNorm, m_epochs,
            m_learningRate, m_weightDecay, m_cropsPerEpoch, m_batchCrops, m_cells, m_featureWeight, m_miningRounds,
            m_augment, m_testFraction, m_seed, m_imageScale, m_rotation, m_weightAveraging, m_positiveRadius, m_ignoreRadius,
            m_checkpoint);
    }

    @Override
    protected java.util.Map<SettingsModel, AddedLater> addedLater() {
        return java.util.Map.of(m_imageScale, new AddedLater(IMAGE_SCALE, () -> m_imageScale.setDoubleValue(0)),
            m_rotation, new AddedLater(ROTATION, () -> m_rotation.setDoubleValue(180)),
            m_weightAveraging, new AddedLater(WEIGHT_AVERAGING, () -> m_weightAveraging.setDoubleValue(0)),
            m_positiveRadius, new AddedLater(POSITIVE_RADIUS, () -> m_positiveRadius.setDoubleValue(DD.positiveRadius())),
            m_ignoreRadius, new AddedLater(IGNORE_RADIUS, () -> m_ignoreRadius.setDoubleValue(previousRing())),
            m_checkpoint, new AddedLater(CHECKPOINT, () -> m_checkpoint.setStringValue("")));
    }

    /** The ignore ring before the setting existed (loaded after the task, which comes first in {@link #models()}). */
    private double previousRing() {
        return Task.SHOOTS.id().equals(m_task.getStringValue()) ? 0.3 : 0.5;
    }

    @Override
    public void check() throws InvalidSettingsException {
        settings();
        if (!m_checkpoint.getStringValue().isBlank()) {
            Locations.checkSyntax(m_checkpoint.getStringValue(), CHECKPOINT_LABEL);
        }
    }

    Task task() throws InvalidSettingsException {
        return TaskSetting.task(m_task);
    }

    /** The engine's training settings: the one object the command line builds from its options too. */
    TrainingJob.Settings settings() throws InvalidSettingsException {
        Task task = task();
        try {
            TrainingConfig tc = new TrainingConfig(m_epochs.getIntValue(), m_batchCrops.getIntValue(),
                m_learningRate.getDoubleValue(), 0, DT.momentum(), m_weightDecay.getDoubleValue(), 0,
                m_augment.getBooleanValue(), m_seed.getIntValue());
            DenseTrainingConfig dc = DenseTrainingConfig.defaults().toBuilder().cells(m_cells.getIntValue())
                .featureWeight(m_featureWeight.getDoubleValue()).cropsPerEpoch(m_cropsPerEpoch.getIntValue())
                .batchCrops(m_batchCrops.getIntValue()).augment(m_augment.getBooleanValue())
                .miningRounds(m_miningRounds.getIntValue()).rotationDegrees(m_rotation.getDoubleValue())
                .weightAveraging(m_weightAveraging.getDoubleValue()).build();
            dc = dc.withRadii(m_positiveRadius.getDoubleValue(), m_ignoreRadius.getDoubleValue());
            double width = m_widthScale.getDoubleValue() > 0 ? m_widthScale.getDoubleValue() : TrainingJob.defaultWidth(task);
            TrainingJob.ScaleChoice scale = m_imageScale.getDoubleValue() > 0
                ? new TrainingJob.ScaleChoice(m_imageScale.getDoubleValue(), "set in the node dialog")
                : TrainingJob.ScaleChoice.taskDefault(task, TrainingMethod.DENSE);
            return new TrainingJob.Settings(task, 3, width, m_batchNorm.getBooleanValue(),
                m_testFraction.getDoubleValue(), TrainingMethod.DENSE, tc, dc, scale.scale(), scale.describe());
        } catch (BadInputException | IllegalArgumentException e) {
            throw new InvalidSettingsException("Training settings: " + e.getMessage(), e);
        }
    }
}
