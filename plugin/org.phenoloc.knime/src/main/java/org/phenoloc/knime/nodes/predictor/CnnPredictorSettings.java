package org.phenoloc.knime.nodes.predictor;

import java.util.List;

import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.phenoloc.knime.util.Columns;
import org.phenoloc.knime.util.NodeSettingsBundle;

/** Settings of the CNN Predictor. */
final class CnnPredictorSettings extends NodeSettingsBundle {
    final SettingsModelString m_patchColumn = new SettingsModelString("patch_column", Columns.PATCH);
    /** Empty or absent from the table: no report, only predictions. */
    final SettingsModelString m_classColumn = new SettingsModelString("class_column", Columns.CLASS);

    @Override
    public List<SettingsModel> models() {
        return List.of(m_patchColumn, m_classColumn);
    }

    @Override
    public void check() {
        // column choices are checked against the input table at configure time
    }
}
