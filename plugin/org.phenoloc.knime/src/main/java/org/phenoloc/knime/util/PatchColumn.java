package org.phenoloc.knime.util;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.knime.core.data.DataColumnProperties;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.patches.PatchRecipe;

/**
 * The patch column of a patch table carries the task and the recipe the patches were cut with (window, crop, scale, negatives)
 * and their channel count as column properties, so the learner can record them in the model and check them at
 * configure time.
 */
public final class PatchColumn {
    static final String PREFIX = "phenoloc.";
    private static final String TASK = "task";
    private static final String[] KEYS = {"window", "crop", "scale", "negativeRatio", "hardNegativeShare",
        "exclusionRadius", "channels"};

    private PatchColumn() {
    }

    public static DataColumnSpec spec(final String name, final Task task, final PatchRecipe recipe,
        final int channels) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(PREFIX + TASK, task.id());
        p.put(PREFIX + "window", Integer.toString(recipe.window()));
        p.put(PREFIX + "crop", Integer.toString(recipe.crop()));
        p.put(PREFIX + "scale", num(recipe.scale()));
        p.put(PREFIX + "negativeRatio", num(recipe.negativeRatio()));
        p.put(PREFIX + "hardNegativeShare", num(recipe.hardNegativeShare()));
        p.put(PREFIX + "exclusionRadius", num(recipe.exclusionRadius()));
        p.put(PREFIX + "channels", Integer.toString(channels));
        DataColumnSpecCreator c = new DataColumnSpecCreator(name, PNGImageCellFactory.TYPE);
        c.setProperties(new DataColumnProperties(p));
        return c.createSpec();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    /** True if the column was made by the Patch Cropper (carries a recipe). */
    public static boolean hasRecipe(final DataColumnSpec spec) {
        for (String k : KEYS) {
            if (spec.getProperties() == null || spec.getProperties().getProperty(PREFIX + k) == null) {
                return false;
            }
        }
        return true;
    }

    public static PatchRecipe recipe(final DataColumnSpec spec) {
        DataColumnProperties p = spec.getProperties();
        return new PatchRecipe(Integer.parseInt(p.getProperty(PREFIX + "window")),
            Integer.parseInt(p.getProperty(PREFIX + "crop")), Double.parseDouble(p.getProperty(PREFIX + "scale")),
            Double.parseDouble(p.getProperty(PREFIX + "negativeRatio")),
            Double.parseDouble(p.getProperty(PREFIX + "hardNegativeShare")),
            Double.parseDouble(p.getProperty(PREFIX + "exclusionRadius")));
    }

    /** The task the patches were cut for; roots for patch tables made before the task was recorded. */
    public static Task task(final DataColumnSpec spec) {
        String id = spec.getProperties() == null ? null : spec.getProperties().getProperty(PREFIX + TASK);
        return id == null ? Task.ROOTS : Task.parse(id);
    }

    public static int channels(final DataColumnSpec spec) {
        return Integer.parseInt(spec.getProperties().getProperty(PREFIX + "channels"));
    }
}
