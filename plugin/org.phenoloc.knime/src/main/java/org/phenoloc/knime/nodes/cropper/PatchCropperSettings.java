package org.phenoloc.knime.nodes.cropper;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.patches.PatchRecipe;
import org.phenoloc.knime.util.Columns;
import org.phenoloc.knime.util.NodeSettingsBundle;
import org.phenoloc.knime.util.TaskSetting;

/**
 * Settings of the Patch Cropper. Recipe "paper" cuts with the task's recipe from the paper (roots: 42 px crops, 32 px
 * windows, negatives on the roots; shoots: 128 px crops scaled to 64 px, negatives mostly at Harris corners); "custom"
 * uses the numbers below, whose defaults are the root recipe.
 */
final class PatchCropperSettings extends NodeSettingsBundle {
    static final String RECIPE_PAPER = "paper";
    static final String RECIPE_CUSTOM = "custom";
    private static final PatchRecipe PAPER = PatchRecipe.paperRoots();

    final SettingsModelString m_task = TaskSetting.model();
    final SettingsModelString m_recipe = new SettingsModelString("recipe", RECIPE_PAPER);

    final SettingsModelString m_imageColumn = new SettingsModelString("image_column", Columns.IMAGE);
    final SettingsModelString m_classColumn = new SettingsModelString("class_column", Columns.CLASS);
    final SettingsModelString m_xColumn = new SettingsModelString("x_column", Columns.X);
    final SettingsModelString m_yColumn = new SettingsModelString("y_column", Columns.Y);
    /** Empty: no hard negatives on the structure, all negatives at random places. */
    final SettingsModelString m_geometryColumn = new SettingsModelString("geometry_column", Columns.GEOMETRY);
    final SettingsModelIntegerBounded m_window = new SettingsModelIntegerBounded("window", PAPER.window(), 4, 1024);
    final SettingsModelIntegerBounded m_crop = new SettingsModelIntegerBounded("crop", PAPER.crop(), 4, 4096);
    final SettingsModelDoubleBounded m_scale = new SettingsModelDoubleBounded("scale", PAPER.scale(), 0.01, 1);
    final SettingsModelDoubleBounded m_negativeRatio =
        new SettingsModelDoubleBounded("negative_ratio", PAPER.negativeRatio(), 0, 100);
    final SettingsModelDoubleBounded m_hardNegativeShare =
        new SettingsModelDoubleBounded("hard_negative_share", PAPER.hardNegativeShare(), 0, 1);
    final SettingsModelDoubleBounded m_exclusionRadius =
        new SettingsModelDoubleBounded("exclusion_radius", PAPER.exclusionRadius(), 0, 10000);
    final SettingsModelDoubleBounded m_testFraction = new SettingsModelDoubleBounded("test_fraction", 0.2, 0, 0.95);
    final SettingsModelIntegerBounded m_seed = new SettingsModelIntegerBounded("seed", 42, 0, Integer.MAX_VALUE);
    final SettingsModelBoolean m_grey = new SettingsModelBoolean("grey", false);

    @Override
    public List<SettingsModel> models() {
        return List.of(m_task, m_recipe, m_imageColumn, m_classColumn, m_xColumn, m_yColumn, m_geometryColumn, m_window, m_crop,
            m_scale, m_negativeRatio, m_hardNegativeShare, m_exclusionRadius, m_testFraction, m_seed, m_grey);
    }

    @Override
    public void check() throws InvalidSettingsException {
        task();
        String r = m_recipe.getStringValue();
        if (!RECIPE_PAPER.equals(r) && !RECIPE_CUSTOM.equals(r)) {
            throw bad("Recipe", "'" + r + "' is not a recipe; use '" + RECIPE_PAPER + "' or '" + RECIPE_CUSTOM + "'");
        }
        if (RECIPE_CUSTOM.equals(r) && Math.round(m_crop.getIntValue() * m_scale.getDoubleValue()) < m_window.getIntValue()) {
            throw bad("Crop", "the crop of " + m_crop.getIntValue() + " px scaled by " + m_scale.getDoubleValue()
                + " is smaller than the window of " + m_window.getIntValue() + " px; raise 'Crop' or 'Scale'");
        }
        recipe();
    }

    Task task() throws InvalidSettingsException {
        return TaskSetting.task(m_task);
    }

    PatchRecipe recipe() throws InvalidSettingsException {
        if (RECIPE_PAPER.equals(m_recipe.getStringValue())) {
            return task().recipe();
        }
        try {
            return new PatchRecipe(m_window.getIntValue(), m_crop.getIntValue(), m_scale.getDoubleValue(),
                m_negativeRatio.getDoubleValue(), m_hardNegativeShare.getDoubleValue(),
                m_exclusionRadius.getDoubleValue());
        } catch (BadInputException e) {
            throw new InvalidSettingsException("Patch recipe: " + e.getMessage(), e);
        }
    }

    int channels() {
        return m_grey.getBooleanValue() ? 1 : 3;
    }
}
