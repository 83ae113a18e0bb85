package org.phenoloc.knime.nodes.learner;

import org.knime.core.data.StringValue;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of the CNN Learner. */
final class CnnLearnerNodeDialog extends DefaultNodeSettingsPane {
    CnnLearnerNodeDialog() {
        CnnLearnerSettings s = new CnnLearnerSettings();
        createNewGroup("Input columns");
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_patchColumn, "Patch column", 0,
            PNGImageValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_classColumn, "Class column", 0,
            StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_partitionColumn,
            "Partition column (rows 'test' validate; none: all train)", 0, false, true, StringValue.class));
        closeCurrentGroup();
        createNewGroup("Network");
        addDialogComponent(new DialogComponentStringSelection(s.m_preset, "Architecture",
            CnnLearnerSettings.PRESET_ROOT, CnnLearnerSettings.PRESET_CUSTOM));
        addDialogComponent(new DialogComponentNumber(s.m_widthScale, "Width scale (custom)", 0.125));
        addDialogComponent(new DialogComponentBoolean(s.m_batchNorm, "Batch normalisation"));
        addDialogComponent(new DialogComponentNumber(s.m_dropout, "Dropout", 0.05));
        closeCurrentGroup();
        createNewTab("Training");
        addDialogComponent(new DialogComponentNumber(s.m_epochs, "Epochs", 1));
        addDialogComponent(new DialogComponentNumber(s.m_batchSize, "Batch size", 1));
        addDialogComponent(new DialogComponentNumber(s.m_learningRate, "Learning rate", 0.001));
        addDialogComponent(new DialogComponentNumber(s.m_lrStepEpochs, "Divide rate by 10 every (epochs, 0 = a third)", 1));
        addDialogComponent(new DialogComponentNumber(s.m_momentum, "Momentum (Nesterov)", 0.05));
        addDialogComponent(new DialogComponentNumber(s.m_weightDecay, "Weight decay", 0.0001));
        addDialogComponent(new DialogComponentNumber(s.m_patience, "Early stop patience (epochs, 0 = never)", 1));
        addDialogComponent(new DialogComponentBoolean(s.m_augment, "Augment with flips and 90 degree rotations"));
        addDialogComponent(new DialogComponentNumber(s.m_seed, "Seed", 1));
    }
}
