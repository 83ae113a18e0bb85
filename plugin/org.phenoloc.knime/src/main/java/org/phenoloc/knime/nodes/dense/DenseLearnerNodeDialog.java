package org.phenoloc.knime.nodes.dense;

import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.phenoloc.knime.util.TaskSetting;

/** Dialog of the Dense CNN Learner. */
final class DenseLearnerNodeDialog extends DefaultNodeSettingsPane {
    DenseLearnerNodeDialog() {
        DenseLearnerSettings s = new DenseLearnerSettings();
        createNewGroup("Task and input columns");
        addDialogComponent(TaskSetting.component(s.m_task));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_imageColumn, "Image path column", 0,
            StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_classColumn, "Class column", 0,
            StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_xColumn, "X column", 0, DoubleValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_yColumn, "Y column", 0, DoubleValue.class));
        closeCurrentGroup();
        createNewGroup("Network");
        addDialogComponent(new DialogComponentNumber(s.m_widthScale,
            "Width scale (1 = the paper's net, 0 = task default)", 0.125));
        addDialogComponent(new DialogComponentBoolean(s.m_batchNorm, "Batch normalisation"));
        addDialogComponent(new DialogComponentNumber(s.m_imageScale,
            "Image scale (1 = as they are, 0.5 = halved, 0 = from the data)", 0.05));
        closeCurrentGroup();
        createNewTab("Training");
        addDialogComponent(new DialogComponentNumber(s.m_epochs, "Epochs", 1));
        addDialogComponent(new DialogComponentNumber(s.m_cropsPerEpoch, "Crops per epoch", 32));
        addDialogComponent(new DialogComponentNumber(s.m_batchCrops, "Crops per batch", 1));
        addDialogComponent(new DialogComponentNumber(s.m_cells, "Windows per crop side", 1));
        addDialogComponent(new DialogComponentNumber(s.m_learningRate, "Learning rate (Adam)", 0.0001));
        addDialogComponent(new DialogComponentNumber(s.m_weightDecay, "Weight decay", 0.0001));
        addDialogComponent(new DialogComponentNumber(s.m_featureWeight, "Feature weight (class balance)", 0.5));
        addDialogComponent(new DialogComponentNumber(s.m_miningRounds, "Hard-negative mining rounds", 1));
        addDialogComponent(new DialogComponentBoolean(s.m_augment, "Augment (rotation, flips, scale, colour, noise)"));
        addDialogComponent(new DialogComponentNumber(s.m_rotation, "Largest rotation, degrees (180 = any angle)", 5));
        addDialogComponent(new DialogComponentNumber(s.m_weightAveraging, "Weight averaging (decay per batch, 0 = off)",
            0.001));
        addDialogComponent(new DialogComponentNumber(s.m_positiveRadius, "Positive radius (window sides)", 0.05));
        addDialogComponent(new DialogComponentNumber(s.m_ignoreRadius, "Ignore radius (window sides)",
            0.05));
        addDialogComponent(new DialogComponentNumber(s.m_testFraction, "Held-out share (without validation input)", 0.05));
        addDialogComponent(new DialogComponentNumber(s.m_seed, "Seed", 1));
        addDialogComponent(new DialogComponentString(s.m_checkpoint,
            DenseLearnerSettings.CHECKPOINT_LABEL + " (empty = none; a path or knime:// URL)"));
    }
}
