package org.phenoloc.engine.baseline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.Feature;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.evaluation.MatchResult;
import org.phenoloc.engine.evaluation.MatchSummary;
import org.phenoloc.engine.evaluation.PointMatcher;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.Progress;

/**
 * The baseline measured once on the real root images: tuned on {@code train/}, scored on {@code valid/}. Slow (a
 * few minutes), so not part of CI: run with {@code PHENOLOC_REAL_DATA=../shared/data/roots/osr-rootnav2} in the
 * environment (a folder with train/ and valid/).
 */
class SkeletonTipRealDataTest {
    @Test
    @EnabledIfEnvironmentVariable(named = "PHENOLOC_REAL_DATA", matches = ".+")
    void tuneOnTrainScoreOnValid() {
        Path data = Path.of(System.getenv("PHENOLOC_REAL_DATA"));
        MatchSummary atSixteen = measure(data, SkeletonTipConfig.defaults().withScale(0.5), System.out);
        assertTrue(atSixteen.f1() > 0.3, "baseline F1 at 16 px on valid/: " + atSixteen.f1());
    }

    /** Tunes on DATA/train, prints the tuned config and P/R/F1 at 8, 16 and 32 px on DATA/valid; returns 16 px. */
    static MatchSummary measure(Path data, SkeletonTipConfig base, PrintStream out) {
        List<AnnotatedImage> train = Task.ROOTS.load(data.resolve("train"), null, w -> { });
        List<AnnotatedImage> valid = Task.ROOTS.load(data.resolve("valid"), null, w -> { });
        SkeletonTipTuner tuner = new SkeletonTipTuner(SkeletonTipTuner.defaultGrid(base), 16);
        long cpu0 = processCpuNanos();
        SkeletonTipTuner.Result tuned = tuner.tune(train, "root_tip", Progress.NONE);
        out.printf(Locale.ROOT, "tuned on %d train images, %d candidates, %.1f s wall, %.1f s CPU: %s (train F1 %.3f)%n",
                train.size(), tuner.candidates().size(), tuned.seconds(), (processCpuNanos() - cpu0) / 1e9,
                tuned.best(), tuned.bestSummary().f1());
        SkeletonTipDetector detector = new SkeletonTipDetector(tuned.best());
        double[] radii = Task.ROOTS.evaluationRadii();
        List<List<MatchResult>> perRadius = new ArrayList<>();
        for (double r : radii) {
            perRadius.add(new ArrayList<>());
        }
        double seconds = 0;
        double cpuSeconds = 0;
        for (AnnotatedImage a : valid) {
            BufferedImage image = ImageFiles.readRgb(a.image());
            List<Point> truth = a.features().stream().filter(f -> f.className().equals("root_tip"))
                    .map(Feature::point).toList();
            long t0 = System.nanoTime();
            long c0 = processCpuNanos();
            List<Point> found = detector.detect(image);
            seconds += (System.nanoTime() - t0) / 1e9;
            cpuSeconds += (processCpuNanos() - c0) / 1e9;
            for (int i = 0; i < radii.length; i++) {
                perRadius.get(i).add(PointMatcher.match(found, truth, radii[i]));
            }
            out.printf(Locale.ROOT, "  %s: %d found, %d true%n", a.image().getFileName(), found.size(), truth.size());
        }
        MatchSummary middle = null;
        for (int i = 0; i < radii.length; i++) {
            MatchSummary s = MatchSummary.of(perRadius.get(i));
            out.printf(Locale.ROOT, "valid r=%.0f px: P %.3f R %.3f F1 %.3f (TP %d FP %d FN %d)%n", radii[i],
                    s.precision(), s.recall(), s.f1(), s.truePositives(), s.falsePositives(), s.falseNegatives());
            middle = radii[i] == 16 ? s : middle;
        }
        out.printf(Locale.ROOT, "per valid image: %.2f s wall, %.2f s CPU of this process (%d cores)%n",
                seconds / valid.size(), cpuSeconds / valid.size(), Runtime.getRuntime().availableProcessors());
        return middle;
    }

    /** CPU time of the whole process (all threads), so a loaded machine's waiting is not counted. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
