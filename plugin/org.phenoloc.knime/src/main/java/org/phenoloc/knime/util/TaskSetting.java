package org.phenoloc.knime.util;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.phenoloc.engine.Task;

/**
 * The phenotyping task setting shared by the Annotation Reader and the Patch Cropper: "roots" (RSML, 2 classes, the
 * paper's root recipe) or "shoots" (point annotations, 5 classes, 128 -> 64 px crops with Harris-corner hard
 * negatives).
 */
public final class TaskSetting {
    public static final String KEY = "task";
    public static final String LABEL = "Task";

    private TaskSetting() {
    }

    public static SettingsModelString model() {
        return new SettingsModelString(KEY, Task.ROOTS.id());
    }

    public static DialogComponentStringSelection component(final SettingsModelString model) {
        return new DialogComponentStringSelection(model, LABEL, Task.ROOTS.id(), Task.SHOOTS.id());
    }

    public static Task task(final SettingsModelString model) throws InvalidSettingsException {
        String id = model.getStringValue();
        for (Task t : Task.values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw NodeSettingsBundle.bad(LABEL, "'" + id + "' is not a task; use '" + Task.ROOTS.id() + "' or '"
            + Task.SHOOTS.id() + "'");
    }
}
