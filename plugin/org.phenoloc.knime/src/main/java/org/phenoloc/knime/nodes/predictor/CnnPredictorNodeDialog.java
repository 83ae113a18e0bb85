package org.phenoloc.knime.nodes.predictor;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the CNN Predictor. */
final class CnnPredictorNodeDialog extends DefaultNodeSettingsPane {
    CnnPredictorNodeDialog() {
        CnnPredictorSettings s = new CnnPredictorSettings();
        addDialogComponent(new DialogComponentString(s.m_patchColumn, "Patch column"));
        addDialogComponent(new DialogComponentString(s.m_classColumn, "Class column (for Table 1; optional)"));
    }
}
