package org.phenoloc.knime.nodes.localiser;

import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.phenoloc.engine.localisation.LocaliserConfig;

/** Dialog of the Sliding-Window Localiser. */
final class LocaliserNodeDialog extends DefaultNodeSettingsPane {
    LocaliserNodeDialog() {
        LocaliserSettings s = new LocaliserSettings();
        addDialogComponent(new DialogComponentColumnNameSelection(s.m_imageColumn,
            "Image column (file paths or knime:// URLs)", 1, StringValue.class));
        addDialogComponent(new DialogComponentNumber(s.m_stride, "Stride (px)", 1));
        addDialogComponent(new DialogComponentString(s.m_thresholds,
            "Thresholds (empty: model's; 0.99; or root_tip=0.99)"));
        addDialogComponent(new DialogComponentNumber(s.m_radius, "Peak suppression radius (px, 0 = half window)", 1));
        addDialogComponent(new DialogComponentBoolean(s.m_renderings, "Heat map and overlay images"));
        addDialogComponent(new DialogComponentNumber(s.m_workers, "Workers (images scanned at once, 0 = automatic)", 1));
        addDialogComponent(new DialogComponentStringSelection(s.m_flips,
            LocaliserSettings.FLIPS_LABEL + " (model: as calibrated; on: 4 scans; off: 1 scan)",
            LocaliserConfig.Flips.MODEL.id(), LocaliserConfig.Flips.ON.id(), LocaliserConfig.Flips.OFF.id()));
    }
}
