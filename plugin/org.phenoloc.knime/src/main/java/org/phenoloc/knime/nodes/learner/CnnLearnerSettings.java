package org.phenoloc.knime.nodes.learner;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.training.TrainingConfig;
import org.phenoloc.knime.util.Columns;
import org.phenoloc.knime.util.NodeSettingsBundle;

/** Settings of the CNN Learner; defaults are the engine's TrainingConfig.defaults() and the paper's root net. */
final class CnnLearnerSettings extends NodeSettingsBundle {
    static final String PRESET_ROOT = "root";
    static final String PRESET_CUSTOM = "custom";
    private static final TrainingConfig D = TrainingConfig.defaults();

    final SettingsModelString m_patchColumn = new SettingsModelString("patch_column", Columns.PATCH);
    final SettingsModelString m_classColumn = new SettingsModelString("class_column", Columns.CLASS);
    final SettingsModelString m_partitionColumn = new SettingsModelString("partition_column", Columns.PARTITION);
    final SettingsModelString m_preset = new SettingsModelString("architecture", PRESET_ROOT);
    final SettingsModelDoubleBounded m_widthScale = new SettingsModelDoubleBounded("width_scale", 1.0, 0.01, 4);
    final SettingsModelBoolean m_batchNorm = new SettingsModelBoolean("batch_norm", true);
    final SettingsModelDoubleBounded m_dropout = new SettingsModelDoubleBounded("dropout", 0.5, 0, 0.95);
    final SettingsModelIntegerBounded m_epochs = new SettingsModelIntegerBounded("epochs", D.epochs(), 1, 100000);
    final SettingsModelIntegerBounded m_batchSize =
        new SettingsModelIntegerBounded("batch_size", D.batchSize(), 1, 65536);
    final SettingsModelDoubleBounded m_learningRate =
        new SettingsModelDoubleBounded("learning_rate", D.learningRate(), 1e-9, 10);
    final SettingsModelIntegerBounded m_lrStepEpochs =
        new SettingsModelIntegerBounded("lr_step_epochs", D.lrStepEpochs(), 0, 100000);
    final SettingsModelDoubleBounded m_momentum = new SettingsModelDoubleBounded("momentum", D.momentum(), 0, 0.999);
    final SettingsModelDoubleBounded m_weightDecay =
        new SettingsModelDoubleBounded("weight_decay", D.weightDecay(), 0, 1);
    final SettingsModelIntegerBounded m_patience = new SettingsModelIntegerBounded("patience", D.patience(), 0, 100000);
    final SettingsModelBoolean m_augment = new SettingsModelBoolean("augment", D.augmentFlips());
    final SettingsModelIntegerBounded m_seed =
        new SettingsModelIntegerBounded("seed", (int)D.seed(), 0, Integer.MAX_VALUE);

    @Override
    public List<SettingsModel> models() {
        return List.of(m_patchColumn, m_classColumn, m_partitionColumn, m_preset, m_widthScale, m_batchNorm,
            m_dropout, m_epochs, m_batchSize, m_learningRate, m_lrStepEpochs, m_momentum, m_weightDecay, m_patience,
            m_augment, m_seed);
    }

    @Override
    public void check() throws InvalidSettingsException {
        String p = m_preset.getStringValue();
        if (!PRESET_ROOT.equals(p) && !PRESET_CUSTOM.equals(p)) {
            throw bad("Architecture", "'" + p + "' is not a preset; use '" + PRESET_ROOT + "' (the paper's root net)"
                + " or '" + PRESET_CUSTOM + "' (the root net with every layer width multiplied by 'Width scale')");
        }
        training();
        architecture(Task.ROOTS, 3);
    }

    TrainingConfig training() throws InvalidSettingsException {
        try {
            return new TrainingConfig(m_epochs.getIntValue(), m_batchSize.getIntValue(),
                m_learningRate.getDoubleValue(), m_lrStepEpochs.getIntValue(), m_momentum.getDoubleValue(),
                m_weightDecay.getDoubleValue(), m_patience.getIntValue(), m_augment.getBooleanValue(),
                m_seed.getIntValue());
        } catch (BadInputException e) {
            throw new InvalidSettingsException("Training settings: " + e.getMessage(), e);
        }
    }

    double widthScale() {
        return PRESET_CUSTOM.equals(m_preset.getStringValue()) ? m_widthScale.getDoubleValue() : 1.0;
    }

    /** The task's network from the paper (the patch table says which task), scaled for 'custom'. */
    Architecture architecture(final Task task, final int channels) throws InvalidSettingsException {
        Architecture a = task.architecture(channels).withBatchNorm(m_batchNorm.getBooleanValue());
        if (widthScale() != 1.0) {
            a = a.scaled(widthScale());
        }
        try {
            return new Architecture(a.window(), a.channels(), a.convStack(), a.denseWidths(), a.classes(),
                m_dropout.getDoubleValue(), a.batchNorm());
        } catch (IllegalArgumentException e) {
            throw bad("Dropout", e.getMessage());
        }
    }
}
