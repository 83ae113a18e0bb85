package org.phenoloc.engine.training;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.phenoloc.engine.Phenoloc;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.model.ModelMetadata;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.network.Backend;
import org.phenoloc.engine.patches.ImageSplit;
import org.phenoloc.engine.patches.Patch;
import org.phenoloc.engine.patches.PatchRecipe;
import org.phenoloc.engine.patches.PatchSampler;

/** Folder of annotated images in, trained model out: load, split by image, cut patches, train, record provenance. */
public final class TrainingJob {

    /**
     * @param task         roots (shoots later)
     * @param channels     3 colour, 1 grey
     * @param widthScale   multiplies every layer width (1 = the paper's net)
     * @param batchNorm    batch normalisation after each convolution (false = the paper's plain net)
     * @param testFraction share of images held out for evaluation and early stopping
     * @param training     optimiser settings
     */
    public record Settings(Task task, int channels, double widthScale, boolean batchNorm, double testFraction,
            TrainingConfig training) {
        public Settings {
            if (testFraction < 0 || testFraction >= 1) {
                throw new BadInputException("test fraction must be in [0, 1), was " + testFraction);
            }
            if (!(widthScale > 0) || widthScale > 4) {
                throw new BadInputException("width scale must be in (0, 4], was " + widthScale);
            }
        }

        public static Settings defaults(Task task) {
            return new Settings(task, 3, 1.0, true, 0.2, TrainingConfig.defaults());
        }
    }

    /** The trained model with what the reports need. */
    public record Outcome(PhenolocModel model, TrainingResult result, ImageSplit split, List<Patch> trainPatches,
            List<Patch> testPatches) {}

    private TrainingJob() {}

    public static Outcome run(Path dataDir, Settings s, TrainingListener listener, Consumer<String> log) {
        List<AnnotatedImage> images = s.task().load(dataDir, null, w -> log.accept("warning: " + w));
        return run(images, dataDir.toString(), s, listener, log);
    }

    public static Outcome run(List<AnnotatedImage> images, String dataName, Settings s, TrainingListener listener,
            Consumer<String> log) {
        Backend.init();
        Task task = s.task();
        PatchRecipe recipe = task.recipe();
        Architecture arch = task.architecture(s.channels()).withBatchNorm(s.batchNorm());
        if (s.widthScale() != 1.0) {
            arch = arch.scaled(s.widthScale());
        }
        ImageSplit split = ImageSplit.of(images, s.testFraction(), s.training().seed());
        log.accept("images: " + split.train().size() + " for training, " + split.test().size() + " held out for testing");
        PatchSampler sampler = new PatchSampler(recipe, task.classes(), s.channels());
        Random random = new Random(s.training().seed());
        List<Patch> train = sample(split.train(), sampler, random);
        List<Patch> test = sample(split.test(), sampler, random);
        long trainPos = train.stream().filter(p -> p.label() != task.classes().size() - 1).count();
        if (trainPos == 0) {
            throw new BadInputException(Path.of(dataName), "no positive examples in the training images (no "
                    + task.featureClassList() + " annotations long enough)");
        }
        log.accept("patches: " + train.size() + " training (" + trainPos + " positive), " + test.size() + " testing");
        log.accept("network: " + arch + " on " + Backend.describe());
        TrainingResult result = new Trainer(arch, s.training()).train(train, test, listener);
        Map<String, String> prov = new LinkedHashMap<>();
        prov.put("created", Instant.now().toString());
        prov.put("software", "Phenoloc " + Phenoloc.VERSION + ", DL4J 1.0.0-M2.1, Java " + System.getProperty("java.version"));
        prov.put("data", dataName);
        prov.put("trainImages", names(split.train()));
        prov.put("testImages", names(split.test()));
        prov.put("trainPatches", Integer.toString(train.size()));
        prov.put("testPatches", Integer.toString(test.size()));
        prov.put("training", s.training().toString());
        prov.put("widthScale", Double.toString(s.widthScale()));
        prov.put("epochsRun", Integer.toString(result.history().size()));
        prov.put("bestEpoch", Integer.toString(result.bestEpoch()));
        var best = result.history().get(result.bestEpoch() - 1);
        prov.put("trainAccuracy", String.format(java.util.Locale.ROOT, "%.4f", best.trainAccuracy()));
        prov.put("testAccuracy", String.format(java.util.Locale.ROOT, "%.4f", best.testAccuracy()));
        prov.put("trainingSeconds", String.format(java.util.Locale.ROOT, "%.1f", result.seconds()));
        prov.put("trainingPatchesPerSecond", String.format(java.util.Locale.ROOT, "%.1f", result.samplesPerSecond()));
        prov.put("backend", Backend.describe());
        ModelMetadata meta = new ModelMetadata(task.id(), task.classes(), arch, recipe, task.imageScale(),
                task.defaultThresholds(), prov);
        return new Outcome(new PhenolocModel(result.network(), meta), result, split, train, test);
    }

    private static List<Patch> sample(List<AnnotatedImage> images, PatchSampler sampler, Random random) {
        List<Patch> out = new ArrayList<>();
        for (AnnotatedImage a : images) {
            BufferedImage img = ImageFiles.readRgb(a.image());
            out.addAll(sampler.sample(a, img, random));
        }
        return out;
    }

    private static String names(List<AnnotatedImage> images) {
        return String.join(" ", images.stream().map(a -> a.image().getFileName().toString()).toList());
    }
}
