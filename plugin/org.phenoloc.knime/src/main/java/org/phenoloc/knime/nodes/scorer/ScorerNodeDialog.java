package org.phenoloc.knime.nodes.scorer;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the Localisation Scorer. */
final class ScorerNodeDialog extends DefaultNodeSettingsPane {
    ScorerNodeDialog() {
        ScorerSettings s = new ScorerSettings();
        createNewGroup("Columns (in both tables)");
        addDialogComponent(new DialogComponentString(s.m_imageColumn, "Image column"));
        addDialogComponent(new DialogComponentString(s.m_classColumn, "Class column"));
        addDialogComponent(new DialogComponentString(s.m_xColumn, "X column"));
        addDialogComponent(new DialogComponentString(s.m_yColumn, "Y column"));
        closeCurrentGroup();
        addDialogComponent(new DialogComponentNumber(s.m_radius, "Match radius (px)", 1));
        addDialogComponent(new DialogComponentNumber(s.m_pixelThreshold,
            "Pixel accuracy: map threshold (0 = model's; needs the model input)", 0.01));
    }
}
