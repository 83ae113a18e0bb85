package org.phenoloc.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.training.DenseTrainingConfig;
import org.phenoloc.engine.training.TrainingJob;

import picocli.CommandLine;

/** The command line's training options reach the dense configuration; left out, they take the engine's defaults. */
class TrainingOptionsTest {

    private static DenseTrainingConfig dense(Task task, String... args) {
        TrainingOptions o = new TrainingOptions();
        new CommandLine(o).parseArgs(args);
        return o.settings(task).dense();
    }

    @Test
    void radiiDefaultToTheEngineAndCanBeSet() {
        assertEquals(0.2, DenseTrainingConfig.defaults().ignoreRadius());
        assertEquals(DenseTrainingConfig.defaults().ignoreRadius(), dense(Task.ROOTS).ignoreRadius());
        assertEquals(DenseTrainingConfig.defaults().ignoreRadius(), dense(Task.SHOOTS).ignoreRadius());
        assertEquals(DenseTrainingConfig.defaults().positiveRadius(), dense(Task.ROOTS).positiveRadius());
        DenseTrainingConfig set = dense(Task.SHOOTS, "--ignore-radius", "0.75", "--positive-radius", "0.2");
        assertEquals(0.75, set.ignoreRadius());
        assertEquals(0.2, set.positiveRadius());
    }

    @Test
    void anIgnoreRadiusInsideThePositiveOneIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> dense(Task.ROOTS, "--positive-radius", "0.4", "--ignore-radius", "0.3"));
        assertEquals(true, e.getMessage().contains("ignore radius"), e.getMessage());
    }

    private static TrainingJob.Settings settings(Task task, String... args) {
        TrainingOptions o = new TrainingOptions();
        new CommandLine(o).parseArgs(args);
        return o.settings(task);
    }

    @Test
    void epochsDefaultToTheMethodsAndCanBeSet() {
        assertEquals(TrainingJob.Settings.defaults(Task.ROOTS), settings(Task.ROOTS), "train without options = defaults");
        assertEquals(TrainingJob.Settings.defaults(Task.SHOOTS), settings(Task.SHOOTS));
        assertEquals(28, settings(Task.ROOTS).training().epochs());
        assertEquals(28, settings(Task.SHOOTS).training().epochs());
        assertEquals(40, settings(Task.SHOOTS, "--method", "patches").training().epochs(), "the paper's recipe: 40");
        assertEquals(12, settings(Task.SHOOTS, "--epochs", "12").training().epochs());
    }

    @Test
    void missedShareIsOffByDefaultAndCanBeSet() {
        assertEquals(0, dense(Task.ROOTS).missedShare());
        assertEquals(0.5, dense(Task.SHOOTS, "--missed-share", "0.5").missedShare());
        assertThrows(BadInputException.class, () -> dense(Task.ROOTS, "--missed-share", "2"));
    }

    @Test
    void scaleJitterHasItsDefaultAndCanBeSet() {
        assertEquals(1.25, dense(Task.ROOTS).scaleJitter());
        assertEquals(1.6, dense(Task.SHOOTS, "--scale-jitter", "1.6").scaleJitter());
        assertThrows(BadInputException.class, () -> dense(Task.ROOTS, "--scale-jitter", "0.9"));
        assertThrows(BadInputException.class, () -> dense(Task.ROOTS, "--scale-jitter", "2.5"));
    }

    @Test
    void focalGammaHasItsDefaultAndCanBeSet() {
        assertEquals(org.phenoloc.engine.training.DenseTrainingConfig.FOCAL_GAMMA, dense(Task.ROOTS).focalGamma());
        assertEquals(1.5, dense(Task.SHOOTS, "--focal-gamma", "1.5").focalGamma());
        assertThrows(BadInputException.class, () -> dense(Task.ROOTS, "--focal-gamma", "-1"));
    }

    @Test
    void imageScaleComesFromTheRootsWidthUnlessGiven(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // one 400 px image of blue paper with an 8 px wide pale root along the annotated line (base at the top)
        java.nio.file.Path file = dir.resolve("root.png");
        javax.imageio.ImageIO.write(org.phenoloc.engine.synthetic.StraightRoot.image(400, 8), "png", file.toFile());
        var line = org.phenoloc.engine.synthetic.StraightRoot.line(400, 8);
        var images = java.util.List.of(new org.phenoloc.engine.annotations.AnnotatedImage(file, file,
                java.util.List.of(new org.phenoloc.engine.annotations.Feature("root_tip", 200, 390)),
                java.util.List.of(line)));
        java.util.List<String> log = new java.util.ArrayList<>();
        TrainingOptions derived = new TrainingOptions();
        new CommandLine(derived).parseArgs();
        var chosen = derived.settings(Task.ROOTS, images, log::add);
        assertEquals(0.5, chosen.imageScale(), "8 px roots -> 4 px");
        assertEquals(true, log.get(0).startsWith(TrainingOptions.IMAGE_SCALE_LOG + "0.5, from the roots' width 8."),
                log.toString());
        assertEquals(log.get(0), chosen.imageScaleChoice(), "the provenance gets the line the log printed");
        TrainingOptions given = new TrainingOptions();
        new CommandLine(given).parseArgs("--image-scale", "0.9");
        assertEquals(0.9, given.settings(Task.ROOTS, images, log::add).imageScale());
        assertEquals("image scale 0.9, given (--image-scale)", given.settings(Task.ROOTS, images, log::add)
                .imageScaleChoice());
        assertEquals(1, log.size(), "nothing measured when the scale is given");
    }
}
