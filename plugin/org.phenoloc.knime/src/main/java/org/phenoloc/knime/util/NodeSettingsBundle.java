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
     * A setting added in a later version: the key it is saved under and what sets the default that workflows saved
     * before it existed get.
     */
    public record AddedLater(String key, Runnable setDefault) {}

    /**
     * Settings added in a later version: settings saved before (older workflows) lack their key, and loading those
     * sets the default instead of failing. A value that is present is loaded and checked like any other, so an
     * invalid one (e.g. from a flow variable) is an error naming the setting, never silently the default.
     */
    protected java.util.Map<SettingsModel, AddedLater> addedLater() {
        return java.util.Map.of();
    }

    /** True when {@code m} was added later and {@code settings} were saved before it existed. */
    private boolean savedBefore(final SettingsModel m, final NodeSettingsRO settings) {
        AddedLater later = addedLater().get(m);
        return later != null && !settings.containsKey(later.key());
    }

    public final void load(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : models()) {
            if (savedBefore(m, settings)) {
                addedLater().get(m).setDefault().run();
            } else {
                m.loadSettingsFrom(settings);
            }
        }
    }

    /** Validates settings without changing this bundle: each model's own check, then {@link #check()} on a copy. */
    public static <S extends NodeSettingsBundle> void validate(final NodeSettingsRO settings, final Supplier<S> fresh)
        throws InvalidSettingsException {
        NodeSettingsBundle copy = fresh.get();
        for (SettingsModel m : copy.models()) {
            if (!copy.savedBefore(m, settings)) {
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
