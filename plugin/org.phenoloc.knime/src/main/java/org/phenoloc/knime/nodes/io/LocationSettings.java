package org.phenoloc.knime.nodes.io;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.phenoloc.knime.util.Locations;
import org.phenoloc.knime.util.NodeSettingsBundle;

/**
 * Settings of the nodes that read or write one file or folder: a location (local path, file: URL or knime:// URL;
 * can be set by a flow variable), checked to resolve to a local path.
 */
final class LocationSettings extends NodeSettingsBundle {
    final String m_label;
    final SettingsModelString m_location;

    LocationSettings(final String key, final String label) {
        m_label = label;
        m_location = new SettingsModelString(key, "");
    }

    @Override
    public List<SettingsModel> models() {
        return List.of(m_location);
    }

    @Override
    public void check() throws InvalidSettingsException {
        Locations.checkSyntax(m_location.getStringValue(), m_label);
    }

    java.nio.file.Path path() throws InvalidSettingsException {
        return Locations.setting(m_location.getStringValue(), m_label);
    }

    static LocationSettings modelFile() {
        return new LocationSettings("model_file", "Model file");
    }

    static LocationSettings imageFolder() {
        return new LocationSettings("folder", "Image folder");
    }

    static LocationSettings outputFolder() {
        return new LocationSettings("output_folder", "Output folder");
    }
}
