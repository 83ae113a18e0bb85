package org.phenoloc.knime.nodes.scorer;

import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;

/** Dialog of the Localisation Scorer. */
final class ScorerNodeDialog extends DefaultNodeSettingsPane {
    ScorerNodeDialog() {
        ScorerSettings s = new ScorerSettings();
        createNewGroup("Columns (in both tables)");
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_imageColumn, "Image column", 0,
            StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_classColumn, "Class column", 0,
            StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_xColumn, "X column", 0, DoubleValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_yColumn, "Y column", 0, DoubleValue.class));
        closeCurrentGroup();
        addDialogComponent(new DialogComponentNumber(s.m_radius, "Match radius (px)", 1));
        addDialogComponent(new DialogComponentNumber(s.m_pixelThreshold,
            "Pixel accuracy: map threshold (0 = model's; needs the model input)", 0.01));
    }
}
