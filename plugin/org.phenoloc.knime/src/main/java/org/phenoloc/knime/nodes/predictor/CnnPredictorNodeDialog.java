package org.phenoloc.knime.nodes.predictor;

import org.knime.core.data.StringValue;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;

/** Dialog of the CNN Predictor. */
final class CnnPredictorNodeDialog extends DefaultNodeSettingsPane {
    CnnPredictorNodeDialog() {
        CnnPredictorSettings s = new CnnPredictorSettings();
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_patchColumn, "Patch column", 1,
            PNGImageValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_classColumn,
            "Class column (for Table 1; none: predictions only)", 1, false, true, StringValue.class));
    }
}
