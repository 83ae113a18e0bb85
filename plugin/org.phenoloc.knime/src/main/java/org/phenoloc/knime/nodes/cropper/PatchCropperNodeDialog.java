package org.phenoloc.knime.nodes.cropper;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the Patch Cropper. */
final class PatchCropperNodeDialog extends DefaultNodeSettingsPane {
    PatchCropperNodeDialog() {
        PatchCropperSettings s = new PatchCropperSettings();
        createNewGroup("Input columns");
        addDialogComponent(new DialogComponentString(s.m_imageColumn, "Image column"));
        addDialogComponent(new DialogComponentString(s.m_classColumn, "Class column"));
        addDialogComponent(new DialogComponentString(s.m_xColumn, "X column"));
        addDialogComponent(new DialogComponentString(s.m_yColumn, "Y column"));
        addDialogComponent(new DialogComponentString(s.m_geometryColumn, "Root geometry column (empty for none)"));
        closeCurrentGroup();
        createNewGroup("Patch recipe (defaults: the paper's roots)");
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
