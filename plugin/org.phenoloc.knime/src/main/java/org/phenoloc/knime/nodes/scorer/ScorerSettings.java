package org.phenoloc.knime.nodes.scorer;

import java.util.List;

import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.phenoloc.knime.util.Columns;
import org.phenoloc.knime.util.NodeSettingsBundle;

/** Settings of the Localisation Scorer. The column names apply to both input tables. */
final class ScorerSettings extends NodeSettingsBundle {
    final SettingsModelString m_imageColumn = new SettingsModelString("image_column", Columns.IMAGE);
    final SettingsModelString m_classColumn = new SettingsModelString("class_column", Columns.CLASS);
    final SettingsModelString m_xColumn = new SettingsModelString("x_column", Columns.X);
    final SettingsModelString m_yColumn = new SettingsModelString("y_column", Columns.Y);
    /** Matching radius in pixels (16 = half the root window). */
    final SettingsModelDoubleBounded m_radius = new SettingsModelDoubleBounded("radius", 16, 0, 100000);
    /** Pixel accuracy (model connected): threshold of the detection map; 0 = the model's per-class default. */
    final SettingsModelDoubleBounded m_pixelThreshold = new SettingsModelDoubleBounded("pixel_threshold", 0, 0, 0.9999);

    @Override
    public List<SettingsModel> models() {
        return List.of(m_imageColumn, m_classColumn, m_xColumn, m_yColumn, m_radius, m_pixelThreshold);
    }

    @Override
    public void check() {
        // columns are checked against the input tables at configure time
    }
}
