package org.phenoloc.knime.util;

import java.util.List;
import java.util.function.Supplier;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;

/**
 * A node's settings, declared once: the settings models (keys and defaults) that the node model and its dialog
 * both use, plus the checks across settings. Subclasses list their models and implement {@link #check()}.
 */
public abstract class NodeSettingsBundle {

    /** All settings models of the node, each with its key. */
    public abstract List<SettingsModel> models();

    /**
     * Checks the current values together; the message names the setting (as shown in the dialog) and says why it is
     * wrong.
     */
    public abstract void check() throws InvalidSettingsException;

    public final void save(final NodeSettingsWO settings) {
        for (SettingsModel m : models()) {
            m.saveSettingsTo(settings);
        }
    }

    /**
     * Settings added in a later version, each with what sets its default: settings saved before (older workflows)
     * lack them, and loading those sets the default instead of failing. A value that is present but invalid also
     * gives the default.
     */
    protected java.util.Map<SettingsModel, Runnable> addedLater() {
        return java.util.Map.of();
    }

    public final void load(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : models()) {
            Runnable setDefault = addedLater().get(m);
            if (setDefault != null) {
                try {
                    m.loadSettingsFrom(settings);
                } catch (InvalidSettingsException e) {
                    setDefault.run(); // saved by an earlier version
                }
            } else {
                m.loadSettingsFrom(settings);
            }
        }
    }

    /** Validates settings without changing this bundle: each model's own check, then {@link #check()} on a copy. */
    public static <S extends NodeSettingsBundle> void validate(final NodeSettingsRO settings, final Supplier<S> fresh)
        throws InvalidSettingsException {
        S copy = fresh.get();
        for (SettingsModel m : copy.models()) {
            if (!copy.addedLater().containsKey(m)) {
                m.validateSettings(settings);
            }
        }
        copy.load(settings);
        copy.check();
    }

    /** Helper for {@link #check()}: a setting problem as an exception with a uniform message. */
    public static InvalidSettingsException bad(final String setting, final String problem) {
        return new InvalidSettingsException("Setting '" + setting + "': " + problem);
    }
}
