package org.phenoloc.knime.nodes.localiser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.localisation.LocaliserConfig;
import org.phenoloc.engine.localisation.Workers;
import org.phenoloc.knime.util.Columns;
import org.phenoloc.knime.util.NodeSettingsBundle;

/** Settings of the Sliding-Window Localiser; defaults are LocaliserConfig.defaults(). */
final class LocaliserSettings extends NodeSettingsBundle {
    static final String THRESHOLDS_LABEL = "Thresholds";
    static final String FLIPS_LABEL = "Flip averaging";
    static final String WORKERS = "workers";
    static final String FLIPS = "flip_averaging";

    final SettingsModelString m_imageColumn = new SettingsModelString("image_column", Columns.IMAGE);
    final SettingsModelIntegerBounded m_stride = new SettingsModelIntegerBounded("stride", 4, 1, 256);
    /** Empty: the model's; "0.9": all classes; "root_tip=0.99, other=0.9": per class. */
    final SettingsModelString m_thresholds = new SettingsModelString("thresholds", "");
    /** 0: half the model's window. */
    final SettingsModelDoubleBounded m_radius = new SettingsModelDoubleBounded("suppression_radius", 0, 0, 10000);
    final SettingsModelBoolean m_renderings = new SettingsModelBoolean("renderings", true);
    /** Images scanned at once; 0: automatic ({@link Workers#defaultCount()} of the machine that runs the node). */
    final SettingsModelIntegerBounded m_workers = new SettingsModelIntegerBounded(WORKERS, 0, 0, Workers.MAX);

    /** Test-time flip averaging: "model" (as the model was calibrated), "on" (4 scans) or "off" (1 scan). */
    final SettingsModelString m_flips = new SettingsModelString(FLIPS, LocaliserConfig.Flips.MODEL.id());

    @Override
    public List<SettingsModel> models() {
        return List.of(m_imageColumn, m_stride, m_thresholds, m_radius, m_renderings, m_workers, m_flips);
    }

    /**
     * Workflows saved before these settings existed have no "workers" or "flip_averaging": they get the automatic
     * worker count and the model's flip choice.
     */
    @Override
    protected Map<SettingsModel, AddedLater> addedLater() {
        return Map.of(m_workers, new AddedLater(WORKERS, () -> m_workers.setIntValue(0)),
            m_flips, new AddedLater(FLIPS, () -> m_flips.setStringValue(LocaliserConfig.Flips.MODEL.id())));
    }

    /** The number of workers to use here. */
    int workers() {
        int w = m_workers.getIntValue();
        return w == 0 ? Workers.defaultCount() : w;
    }

    @Override
    public void check() throws InvalidSettingsException {
        config();
    }

    LocaliserConfig config() throws InvalidSettingsException {
        Map<String, Double> thresholds = thresholds(m_thresholds.getStringValue());
        LocaliserConfig.Flips flips;
        try {
            flips = LocaliserConfig.Flips.parse(m_flips.getStringValue());
        } catch (BadInputException e) {
            throw bad(FLIPS_LABEL, e.getMessage());
        }
        try {
            return new LocaliserConfig(m_stride.getIntValue(), thresholds, m_radius.getDoubleValue(), true, flips);
        } catch (BadInputException e) {
            throw bad(THRESHOLDS_LABEL + "/Stride/Suppression radius", e.getMessage());
        }
    }

    /** "0.9" -> {*=0.9}; "root_tip=0.99, leaf_tip=0.9" -> per class; "" -> {}. */
    static Map<String, Double> thresholds(final String text) throws InvalidSettingsException {
        Map<String, Double> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            String p = part.trim();
            String cls = "*";
            String value = p;
            int eq = p.indexOf('=');
            if (eq >= 0) {
                cls = p.substring(0, eq).trim();
                value = p.substring(eq + 1).trim();
                if (cls.isEmpty()) {
                    throw bad(THRESHOLDS_LABEL, "'" + p + "' has no class name before '='");
                }
            }
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw bad(THRESHOLDS_LABEL, "'" + value + "' is not a number (write e.g. 0.99 or root_tip=0.99)");
            }
            if (!(v > 0 && v < 1)) {
                throw bad(THRESHOLDS_LABEL, "threshold " + v + (cls.equals("*") ? "" : " for " + cls)
                    + " must lie strictly between 0 and 1");
            }
            if (out.put(cls, v) != null) {
                throw bad(THRESHOLDS_LABEL, (cls.equals("*") ? "a threshold for all classes" : "class " + cls)
                    + " is given twice");
            }
        }
        return out;
    }
}
