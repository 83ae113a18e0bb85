package org.phenoloc.knime.nodes.cropper;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.phenoloc.knime.util.TaskSetting;

/** Dialog of the Patch Cropper. */
final class PatchCropperNodeDialog extends DefaultNodeSettingsPane {
    PatchCropperNodeDialog() {
        PatchCropperSettings s = new PatchCropperSettings();
        createNewGroup("Task and recipe");
        addDialogComponent(TaskSetting.component(s.m_task));
        addDialogComponent(new DialogComponentStringSelection(s.m_recipe,
            "Recipe (paper: roots 42 -> 32 px; shoots 128 -> 64 px, Harris-corner hard negatives, five classes)",
            PatchCropperSettings.RECIPE_PAPER, PatchCropperSettings.RECIPE_CUSTOM));
        closeCurrentGroup();
        createNewGroup("Input columns");
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_imageColumn, "Image column (file locations)", 0,
            StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_classColumn, "Class column", 0,
            StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_xColumn, "X column", 0, DoubleValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_yColumn, "Y column", 0, DoubleValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_geometryColumn,
            "Root geometry column (none: no negatives on the roots)", 0, false, true, StringValue.class));
        closeCurrentGroup();
        createNewGroup("Custom recipe (used when Recipe is 'custom'; defaults: the paper's roots)");
        addDialogComponent(new DialogComponentNumber(s.m_window, "Window (px)", 1));
        addDialogComponent(new DialogComponentNumber(s.m_crop, "Crop (px)", 1));
        addDialogComponent(new DialogComponentNumber(s.m_scale, "Scale", 0.05));
        addDialogComponent(new DialogComponentNumber(s.m_negativeRatio, "Negatives per positive", 0.5));
        addDialogComponent(new DialogComponentNumber(s.m_hardNegativeShare, "Hard-negative share", 0.1));
        addDialogComponent(new DialogComponentNumber(s.m_exclusionRadius, "Exclusion radius (px)", 1));
        addDialogComponent(new DialogComponentBoolean(s.m_grey, "Grey patches (1 channel)"));
        closeCurrentGroup();
        createNewGroup("Train/test split by image");
        addDialogComponent(new DialogComponentNumber(s.m_testFraction, "Test fraction", 0.05));
        addDialogComponent(new DialogComponentNumber(s.m_seed, "Seed", 1));
        closeCurrentGroup();
    }
}
