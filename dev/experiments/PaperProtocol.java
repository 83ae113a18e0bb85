package org.phenoloc.engine.cli;

import java.nio.file.Path;
import java.util.*;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.model.*;
import org.phenoloc.engine.patches.*;
import org.phenoloc.engine.report.PatchEvaluation;
import org.phenoloc.engine.training.*;
import picocli.CommandLine;

/**
 * Measurement program (not part of the product; README "The paper's patch accuracy, measured its way"): trains the
 * paper's recipe as the benchmark does (patches, full width, seed 42) on the benchmark's training images, once with
 * their patches split at random 80/20 (the paper's protocol) and once split by image, and prints each network's
 * accuracy on its own test patches and on the evaluation images' patches. Run it with dev/experiment.sh:
 * {@code dev/experiment.sh PaperProtocol roots|shoots DATA patches,images}.
 */
public class PaperProtocol {
    public static void main(String[] a) throws Exception {
        Task t = a[0].equals("roots") ? Task.ROOTS : Task.SHOOTS;
        Path data = Path.of(a[1]);
        List<AnnotatedImage> train, valid;
        if (t == Task.ROOTS) {
            train = t.load(data.resolve("train"), null, w -> {});
            valid = t.load(data.resolve("valid"), null, w -> {});
        } else {
            var s = ImageSplit.of(t.load(data, null, w -> {}), 1.0 / 3, 7);
            train = s.train();
            valid = s.test();
        }
        TrainingOptions o = new TrainingOptions();
        new CommandLine(o).parseArgs("--method", "patches");
        TrainingJob.Settings s = o.settings(t);
        System.out.println("settings: " + s);
        long seed = s.training().seed();
        PatchSampler sampler = new PatchSampler(s.recipe(), t.classes(), s.channels());
        for (String mode : a[2].split(",")) {
            List<Patch> fit, test;
            Random random = new Random(seed);
            if (mode.equals("patches")) {
                List<Patch> all = sample(train, sampler, random);
                Collections.shuffle(all, new Random(seed));
                int n = (int) Math.round(all.size() * s.testFraction());
                test = new ArrayList<>(all.subList(0, n));
                fit = new ArrayList<>(all.subList(n, all.size()));
            } else {
                ImageSplit split = ImageSplit.of(train, s.testFraction(), seed);
                fit = sample(split.train(), sampler, random);
                test = sample(split.test(), sampler, random);
            }
            long t0 = System.nanoTime();
            TrainingResult r = new Trainer(s.architecture(), s.training()).train(fit, test, TrainingListener.NONE);
            ModelMetadata meta = new ModelMetadata(t.id(), t.classes(), s.architecture(), s.recipe(), s.imageScale(),
                    t.defaultThresholds(), Map.of());
            PhenolocModel m = new PhenolocModel(r.network(), meta);
            var own = PatchEvaluation.of(m, test).report();
            var unseen = PatchEvaluation.run(m, valid, 4242).report();
            System.out.printf(Locale.ROOT, "%s split: %d fitting / %d test patches; best epoch %d of %d; test acc %.1f%% (%d/%d);"
                    + " evaluation images' patches %.1f%% (%d/%d); %.1f min%n", mode, fit.size(), test.size(), r.bestEpoch(),
                    r.history().size(), 100.0 * own.totalCorrect() / own.total(), own.totalCorrect(), own.total(),
                    100.0 * unseen.totalCorrect() / unseen.total(), unseen.totalCorrect(), unseen.total(),
                    (System.nanoTime() - t0) / 60e9);
            for (int c = 0; c < t.classes().size(); c++) {
                System.out.printf(Locale.ROOT, "  %s: test %.1f%%, evaluation images %.1f%%%n", t.classes().get(c),
                        own.accuracyPercent(c), unseen.accuracyPercent(c));
            }
        }
    }

    static List<Patch> sample(List<AnnotatedImage> images, PatchSampler sampler, Random random) {
        List<Patch> out = new ArrayList<>();
        for (AnnotatedImage x : images) {
            out.addAll(sampler.sample(x, ImageFiles.readRgb(x.image()), random));
        }
        return out;
    }
}
