package org.phenoloc.engine.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.synthetic.RootSystemConfig;
import org.phenoloc.engine.synthetic.RootSystemGenerator;
import org.phenoloc.engine.synthetic.SyntheticRootImage;

class SkeletonTipTunerTest {
    private static List<SkeletonTipTuner.TipImage> images() {
        List<SkeletonTipTuner.TipImage> images = new ArrayList<>();
        for (long seed = 1; seed <= 2; seed++) {
            SyntheticRootImage s = RootSystemGenerator.generate(
                    new RootSystemConfig(320, 400, 2, 4, 0.8, 0.3, seed));
            images.add(new SkeletonTipTuner.TipImage("synthetic-" + seed, s.image(), s.tips()));
        }
        return images;
    }

    @Test
    void picksTheBetterOfTwoConfigsWhateverTheOrder() {
        SkeletonTipConfig good = SkeletonTipConfig.defaults();
        SkeletonTipConfig blind = good.withSensitivity(80); // threshold far above every root: finds nothing
        List<SkeletonTipTuner.TipImage> images = images();
        List<String> messages = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        Progress progress = new Progress() {
            @Override
            public void update(double fraction, String message) {
                fractions.add(fraction);
                messages.add(message);
            }
        };
        SkeletonTipTuner.Result r = new SkeletonTipTuner(List.of(blind, good), 16).tuneImages(images, progress);
        assertEquals(good, r.best());
        assertEquals(2, r.trials().size());
        assertEquals(blind, r.trials().get(0).config());
        assertTrue(r.bestSummary().f1() > r.trials().get(0).summary().f1() + 0.3, r.trials().toString());
        assertEquals(4, fractions.size());
        assertEquals(1.0, fractions.get(fractions.size() - 1), 1e-9);
        assertTrue(messages.get(0).contains("image 1/2"), messages.get(0));
        assertEquals(good, new SkeletonTipTuner(List.of(good, blind), 16).tuneImages(images, Progress.NONE).best());
    }

    @Test
    void sharedStepsGiveTheSameScoresAsSeparateRuns() {
        // the tuner reuses segmentation and thinning across candidates; each score must equal a fresh detector's
        List<SkeletonTipTuner.TipImage> images = images().subList(0, 1);
        SkeletonTipConfig a = SkeletonTipConfig.defaults();
        List<SkeletonTipConfig> candidates = List.of(a, a.withSpurLength(32), a.withMinArea(400),
                a.withClosingRadius(2), a.withThreshold(SkeletonTipConfig.Threshold.OTSU));
        SkeletonTipTuner.Result r = new SkeletonTipTuner(candidates, 16).tuneImages(images, Progress.NONE);
        for (SkeletonTipTuner.Trial t : r.trials()) {
            SkeletonTipTuner.Result alone = new SkeletonTipTuner(List.of(t.config()), 16).tuneImages(images,
                    Progress.NONE);
            assertEquals(alone.bestSummary(), t.summary(), t.config().toString());
        }
    }

    @Test
    void cancelStopsAndBadInputIsNamed() {
        Progress cancelled = new Progress() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        SkeletonTipTuner tuner = new SkeletonTipTuner(List.of(SkeletonTipConfig.defaults()), 16);
        assertThrows(Progress.CancelledException.class, () -> tuner.tuneImages(images(), cancelled));
        assertThrows(BadInputException.class, () -> tuner.tuneImages(List.of(), Progress.NONE));
        assertThrows(BadInputException.class, () -> new SkeletonTipTuner(List.of(), 16));
        assertThrows(BadInputException.class, () -> new SkeletonTipTuner(List.of(SkeletonTipConfig.defaults()), 0));
        assertEquals(32, SkeletonTipTuner.defaultGrid(SkeletonTipConfig.defaults()).size());
    }
}
