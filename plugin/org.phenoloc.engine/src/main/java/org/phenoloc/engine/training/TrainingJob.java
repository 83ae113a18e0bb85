package org.phenoloc.engine.training;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.phenoloc.engine.Phenoloc;
import org.phenoloc.engine.Task;
import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.model.ModelMetadata;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.engine.model.TrainingProvenance;
import org.phenoloc.engine.network.Architecture;
import org.phenoloc.engine.network.Backend;
import org.phenoloc.engine.patches.ImageSplit;
import org.phenoloc.engine.patches.Patch;
import org.phenoloc.engine.patches.PatchRecipe;
import org.phenoloc.engine.patches.PatchSampler;

/**
 * Folder of annotated images in, trained model out: load, split by image, train (densely by default, or on the
 * paper's patches), calibrate, record provenance.
 */
public final class TrainingJob {

    /**
     * @param task         roots or shoots
     * @param channels     3 colour, 1 grey
     * @param widthScale   multiplies every layer width (1 = the paper's net)
     * @param batchNorm    batch normalisation after each convolution (false = the paper's plain net)
     * @param testFraction share of images held out for model selection and calibration
     * @param method       dense (default) or the paper's patches
     * @param training     optimiser settings (epochs, learning rate, weight decay, patience, seed)
     * @param dense        dense-training settings (used by the dense method)
     * @param imageScale   images are scaled by this before training and scanning, in (0, 1] (the task's default: 1
     *                     roots, 0.5 shoots); the model stores it, so localisation scales the same way and reports
     *                     points in original pixels
     * @param imageScaleChoice how the image scale was chosen ({@link ScaleChoice#describe()}: from the roots'
     *                     width, the task's default, given by the user), for the provenance; "" if not said
     */
    public record Settings(Task task, int channels, double widthScale, boolean batchNorm, double testFraction,
            TrainingMethod method, TrainingConfig training, DenseTrainingConfig dense, double imageScale,
            String imageScaleChoice) {
        public Settings {
            if (testFraction < 0 || testFraction >= 1) {
                throw new BadInputException("test fraction must be in [0, 1), was " + testFraction);
            }
            if (!(widthScale > 0) || widthScale > 4) {
                throw new BadInputException("width scale must be in (0, 4], was " + widthScale);
            }
            task.recipe().atScale(imageScale); // validates the scale
        }

        /** Without saying how the image scale was chosen. */
        public Settings(Task task, int channels, double widthScale, boolean batchNorm, double testFraction,
                TrainingMethod method, TrainingConfig training, DenseTrainingConfig dense, double imageScale) {
            this(task, channels, widthScale, batchNorm, testFraction, method, training, dense, imageScale, "");
        }

        /** At the task's image scale (1 roots, 0.5 shoots). */
        public Settings(Task task, int channels, double widthScale, boolean batchNorm, double testFraction,
                TrainingMethod method, TrainingConfig training, DenseTrainingConfig dense) {
            this(task, channels, widthScale, batchNorm, testFraction, method, training, dense, task.imageScale());
        }

        /** The paper's recipe with our patch-training defaults. */
        public Settings(Task task, int channels, double widthScale, boolean batchNorm, double testFraction,
                TrainingConfig training) {
            this(task, channels, widthScale, batchNorm, testFraction, TrainingMethod.PATCHES, training,
                    DenseTrainingConfig.defaults());
        }

        public static Settings defaults(Task task) {
            return new Settings(task, 3, defaultWidth(task), true, 0.2, TrainingMethod.DENSE, TrainingConfig.denseDefaults(),
                    DenseTrainingConfig.defaults(), defaultImageScale(task, TrainingMethod.DENSE),
                    ScaleChoice.taskDefault(task, TrainingMethod.DENSE).describe());
        }

        public Settings withMethod(TrainingMethod m) {
            return new Settings(task, channels, widthScale, batchNorm, testFraction, m, training, dense, imageScale,
                    imageScaleChoice);
        }

        public Settings withTraining(TrainingConfig t) {
            return new Settings(task, channels, widthScale, batchNorm, testFraction, method, t, dense, imageScale,
                    imageScaleChoice);
        }

        public Settings withDense(DenseTrainingConfig d) {
            return new Settings(task, channels, widthScale, batchNorm, testFraction, method, training, d, imageScale,
                    imageScaleChoice);
        }

        public Settings withWidthScale(double w) {
            return new Settings(task, channels, w, batchNorm, testFraction, method, training, dense, imageScale,
                    imageScaleChoice);
        }

        public Settings withImageScale(double scale) {
            return new Settings(task, channels, widthScale, batchNorm, testFraction, method, training, dense, scale, "");
        }

        /** At the chosen scale, saying how it was chosen (in the model's provenance). */
        public Settings withImageScale(ScaleChoice choice) {
            return new Settings(task, channels, widthScale, batchNorm, testFraction, method, training, dense,
                    choice.scale(), choice.describe());
        }

        /** The paper's patch recipe of the task at this image scale (the same window on the scaled image). */
        public PatchRecipe recipe() {
            return task.recipe().atScale(imageScale);
        }

        /**
         * The network this trains. Dense training uses no dropout: every crop already gives hundreds of correlated
         * windows, and with the paper's 0.5 between the narrow fully connected layers validation F1 stayed far lower
         * (measured, README "Training").
         */
        public Architecture architecture() {
            Architecture arch = task.architecture(channels).withBatchNorm(batchNorm);
            arch = widthScale == 1.0 ? arch : arch.scaled(widthScale);
            return method == TrainingMethod.DENSE ? arch.withDropout(0) : arch;
        }
    }

    /**
     * Default layer-width multiplier of dense training: half the paper's root net (a quarter of its cost), a quarter
     * of the shoot net (whose 512-filter layers train at a few crops per second on 2 cores at full width); see README
     * "Training".
     */
    public static double defaultWidth(Task task) {
        return task == Task.SHOOTS ? 0.25 : 0.5;
    }

    /**
     * Default image scale: dense root training scans the images at three quarters of their size (the 32 px window
     * then spans 43 px of the image: more context per window, a 0.56x scan; measured on the OSR roots against 1 and
     * 0.5, README "Results on real images"); the paper's patches and shoots keep the task's scale (1 roots, 0.5
     * shoots).
     */
    public static double defaultImageScale(Task task, TrainingMethod method) {
        return task == Task.ROOTS && method == TrainingMethod.DENSE ? 0.75 : task.imageScale();
    }

    /**
     * Root width in pixels that dense root training scales the images to when the roots are wider than that at the
     * default scale: the OSR roots' width measured by {@link StructureWidth}
     * (5.4 px on their training images) at the 0.75 measured best there, so images of a higher resolution get the
     * scale that makes their roots as wide.
     */
    public static final double ROOT_WIDTH_AFTER_SCALING = 4.0;

    /** @param scale the image scale; @param reason how it was chosen, for the log and the report */
    public record ScaleChoice(double scale, String reason) {
        /** Start of {@link #describe()}. */
        public static final String LOG_PREFIX = "image scale ";

        /** The fixed default of the task and method ({@link TrainingJob#defaultImageScale}). */
        public static ScaleChoice taskDefault(Task task, TrainingMethod method) {
            return new ScaleChoice(defaultImageScale(task, method), "the task's default");
        }

        /** "image scale S, REASON": the line the command line and the KNIME log print. */
        public String describe() {
            return LOG_PREFIX + scale + ", " + reason;
        }
    }

    /**
     * The default image scale for these training images: for dense root training, the scale that makes the roots
     * (measured across the annotated root lines, or, with tip points only, along the roots traced from them: {@link
     * StructureWidth}) {@link #ROOT_WIDTH_AFTER_SCALING} px wide (rounded to 0.05), but never above the fixed default:
     * thinner roots keep it (scale 1 for roots 3.9 px wide measured F1 0.835 against 0.858 at 0.75, README
     * "Training"). Otherwise, or when the roots show too little contrast to measure, the fixed
     * default {@link #defaultImageScale(Task, TrainingMethod)}.
     */
    public static ScaleChoice imageScaleFor(Task task, TrainingMethod method, List<AnnotatedImage> images) {
        return imageScaleFor(task, method, images, Progress.NONE);
    }

    /**
     * As {@link #imageScaleFor(Task, TrainingMethod, List)}, reporting each image read and stopping between images
     * when {@code progress} is cancelled ({@link Progress.CancelledException}).
     */
    public static ScaleChoice imageScaleFor(Task task, TrainingMethod method, List<AnnotatedImage> images,
            Progress progress) {
        double fixed = defaultImageScale(task, method);
        if (task != Task.ROOTS || method != TrainingMethod.DENSE) {
            return ScaleChoice.taskDefault(task, method);
        }
        var measured = StructureWidth.measure(images, StructureWidth.Config.defaults(), a -> {
            progress.checkCancelled();
            progress.update(0, "measuring the roots' width: " + a.image().getFileName());
            return ImageFiles.readRgb(a.image());
        });
        if (measured.isEmpty()) {
            return new ScaleChoice(fixed, "the default for roots (no root lines or tips with enough contrast to measure"
                    + " the roots' width; for roots much wider than 5 px set the scale: --image-scale, KNIME: Image"
                    + " scale)");
        }
        double w = measured.get().width();
        double scale = Math.max(0.05, Math.min(fixed, Math.round(20 * ROOT_WIDTH_AFTER_SCALING / w) / 20.0));
        return new ScaleChoice(scale, String.format(java.util.Locale.ROOT, "from the roots' width %s: about %.1f px"
                + " after scaling (%s)", measured.get(), w * scale, scale < fixed ? "target "
                + Math.round(ROOT_WIDTH_AFTER_SCALING) + " px" : "the default " + fixed + "; only wider roots are"
                + " scaled further"));
    }

    /** The trained model with its history. */
    public record Outcome(PhenolocModel model, List<EpochStats> history, ImageSplit split, TrainingProvenance provenance) {}

    private TrainingJob() {}

    public static Outcome run(Path dataDir, Settings s, TrainingListener listener, Consumer<String> log) {
        List<AnnotatedImage> images = s.task().load(dataDir, null, w -> log.accept("warning: " + w));
        return run(images, dataDir.toString(), s, listener, log);
    }

    public static Outcome run(List<AnnotatedImage> images, String dataName, Settings s, TrainingListener listener,
            Consumer<String> log) {
        return run(images, dataName, s, listener, log, null);
    }

    /**
     * As {@link #run(List, String, Settings, TrainingListener, Consumer)}; dense training keeps a checkpoint in
     * {@code checkpoint} (null: none) after every epoch and continues from the one there if it was made by the same
     * training ({@link CheckpointFile}); the caller deletes it once the model is saved.
     */
    public static Outcome run(List<AnnotatedImage> images, String dataName, Settings s, TrainingListener listener,
            Consumer<String> log, Path checkpoint) {
        return run(ImageSplit.of(images, s.testFraction(), s.training().seed()), dataName, "command line", s, listener,
                log, checkpoint);
    }

    /**
     * Trains on a given split (the KNIME learners pass their validation input as the held-out images).
     *
     * @param frontEnd "command line" or the KNIME node's name, for the provenance
     */
    public static Outcome run(ImageSplit split, String dataName, String frontEnd, Settings s, TrainingListener listener,
            Consumer<String> log) {
        return run(split, dataName, frontEnd, s, listener, log, null);
    }

    /**
     * As {@link #run(ImageSplit, String, String, Settings, TrainingListener, Consumer)}, keeping dense training's
     * checkpoint in {@code checkpoint} (null: none) as {@link #run(List, String, Settings, TrainingListener, Consumer,
     * Path)} does.
     */
    public static Outcome run(ImageSplit split, String dataName, String frontEnd, Settings s, TrainingListener listener,
            Consumer<String> log, Path checkpoint) {
        Backend.init();
        log.accept("images: " + split.train().size() + " for training, " + split.test().size() + " held out for "
                + (s.method() == TrainingMethod.DENSE ? "model selection and threshold calibration" : "testing"));
        log.accept("network: " + s.architecture() + " on " + Backend.describe());
        return s.method() == TrainingMethod.DENSE ? dense(split, dataName, frontEnd, s, listener, log, checkpoint)
                : patches(split, dataName, frontEnd, s, listener, log);
    }

    private static Outcome dense(ImageSplit split, String dataName, String frontEnd, Settings s, TrainingListener listener,
            Consumer<String> log, Path checkpoint) {
        Task task = s.task();
        Architecture arch = s.architecture();
        double scale = s.imageScale();
        List<DenseCrops.Source> sources = DenseCrops.load(split.train(), scale);
        DenseTrainer.check(sources, task.classes());
        List<String> untrained = untrained(task, sources);
        if (!untrained.isEmpty()) {
            log.accept("warning: no training examples of " + untrained + ": the model reports them as untrained and the"
                    + " localiser finds none");
        }
        DenseCrops crops = new DenseCrops(arch, task.classes(), s.dense(), sources);
        Calibration.Images val = Calibration.Images.load(split.test(), scale);
        Calibration.Images fallback = val.isEmpty() ? Calibration.Images.load(split.train(), scale) : val;
        if (val.isEmpty()) {
            log.accept("warning: no held-out images: epochs are selected and thresholds calibrated on the training images"
                    + " (optimistic); use 5 or more annotated images");
        }
        log.accept("dense training: crops of " + crops.cropSize() + " px" + (scale == 1.0 ? ""
                : " of the images scaled by " + scale) + ", " + s.dense().cropsPerEpoch() + " per epoch");
        double[] radii = task.evaluationRadii();
        double match = radii[radii.length / 2];
        DenseCheckpoint.Store store = checkpoint == null ? DenseCheckpoint.Store.NONE
                : new CheckpointFile(checkpoint, fingerprint(s, sources, split.test()), log);
        DenseTrainer.Result r = new DenseTrainer(arch, task.classes(), s.training(), s.dense(), match,
                radii(arch, scale), scale).fit(crops, val, fallback, listener, store);
        FinalCalibration fc = finalCalibration(r, arch, task, scale,
                r.calibratedOnTraining() ? fallback : val,
                r.calibratedOnTraining() ? Calibration.Images.none(scale)
                        : Calibration.Images.load(split.train(), scale), match, listener);
        Calibration c = fc.calibration();
        String calibratedOn = r.calibratedOnTraining() ? "training images (none held out)" : fc.calibratedOn();
        log.accept("calibration: " + fc.note());
        log.accept("calibrated on " + calibratedOn + ": thresholds " + c.thresholds() + ", suppression radius " + c.radius()
                + " px, flip averaging " + (c.flips() ? "on" : "off") + ", F1 " + c.scores().entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(java.util.Locale.ROOT, "%.3f", e.getValue().f1())).toList());
        TrainingProvenance prov = provenance(dataName, frontEnd, TrainingMethod.DENSE, names(split.train()),
                names(split.test()), s, (long) r.history().size() * s.dense().cropsPerEpoch(), 0, r.history(),
                r.bestEpoch(), calibratedOn, r.seconds(), r.cropsPerSecond());
        java.util.Map<String, Double> trained = new java.util.LinkedHashMap<>(task.defaultThresholds());
        trained.keySet().removeAll(untrained); // no threshold invented for a class without examples
        ModelMetadata meta = new ModelMetadata(task.id(), task.classes(), arch, s.recipe(), scale,
                trained, prov.toMap()).withCalibration(c.thresholds(), c.radius()).withUntrainedClasses(untrained)
                .withFlipAveraging(c.flips());
        return new Outcome(new PhenolocModel(r.network(), meta), r.history(), split, prov);
    }

    /**
     * Identifies a dense training for its checkpoints: the settings, and each training image's name, size and
     * annotations (at the training's scale) and each held-out image's name and annotations, in order.
     */
    static String fingerprint(Settings s, List<DenseCrops.Source> training, List<AnnotatedImage> heldOut) {
        StringBuilder b = new StringBuilder("dense checkpoint ").append(CheckpointFile.FORMAT).append('\n').append(s);
        for (DenseCrops.Source src : training) {
            b.append("\ntrain ").append(src.name()).append(' ').append(src.width()).append('x').append(src.height());
            appendFeatures(b, src.features());
        }
        for (AnnotatedImage a : heldOut) {
            b.append("\nheld out ").append(a.image().getFileName());
            appendFeatures(b, a.features());
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java has SHA-256
        }
    }

    private static void appendFeatures(StringBuilder b, List<org.phenoloc.engine.annotations.Feature> features) {
        features.forEach(f -> b.append(' ').append(f.className()).append(' ').append(f.x()).append(' ').append(f.y()));
    }

    /**
     * Candidate peak-suppression radii: an eighth, a quarter, half and three quarters of the window, in original
     * pixels (the eighth for features closer together than a quarter window, e.g. leaf tips of neighbouring leaves).
     */
    static double[] radii(Architecture arch, double imageScale) {
        double window = arch.window() / imageScale;
        return new double[] {window / 8, window / 4, window / 2, window * 3 / 4};
    }

    /** The stored calibration of the chosen network ({@link FinalCalibration}), cancellable through the listener. */
    private static FinalCalibration finalCalibration(DenseTrainer.Result r, Architecture arch, Task task,
            double imageScale, Calibration.Images heldOut, Calibration.Images training, double match, TrainingListener listener) {
        Progress cancel = new Progress() {
            @Override
            public boolean isCancelled() {
                return listener.isCancelled();
            }
        };
        List<String> features = task.classes().subList(0, task.classes().size() - 1);
        try {
            return FinalCalibration.run(r.network(), arch, features, heldOut, training, match, radii(arch, imageScale),
                    cancel);
        } catch (Progress.CancelledException e) {
            throw new TrainingCancelledException();
        }
    }

    private static Outcome patches(ImageSplit split, String dataName, String frontEnd, Settings s, TrainingListener listener,
            Consumer<String> log) {
        Task task = s.task();
        PatchRecipe recipe = s.recipe();
        Architecture arch = s.architecture();
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
        TrainingResult result = new Trainer(arch, s.training()).train(train, test, listener);
        TrainingProvenance prov = provenance(dataName, frontEnd, TrainingMethod.PATCHES, names(split.train()),
                names(split.test()), s, train.size(), test.size(), result.history(), result.bestEpoch(), "",
                result.seconds(), result.samplesPerSecond());
        ModelMetadata meta = new ModelMetadata(task.id(), task.classes(), arch, recipe, s.imageScale(),
                task.defaultThresholds(), prov.toMap());
        return new Outcome(new PhenolocModel(result.network(), meta), result.history(), split, prov);
    }

    /**
     * The provenance record of a training run: the one place it is built, for the command line and the KNIME CNN
     * Learner.
     *
     * @param frontEnd "command line" or the KNIME node's name
     */
    public static TrainingProvenance provenance(String dataName, String frontEnd, TrainingMethod method,
            List<String> trainImages, List<String> testImages, Settings s, long trainSamples, int testPatches,
            List<EpochStats> history, int bestEpoch, String calibratedOn, double seconds, double samplesPerSecond) {
        EpochStats best = history.get(bestEpoch - 1);
        return TrainingProvenance.builder().created(Instant.now().toString())
                .software("Phenoloc " + Phenoloc.VERSION + " (" + frontEnd + "), DL4J 1.0.0-M2.1, Java "
                        + System.getProperty("java.version"))
                .data(dataName).method(method.id()).trainImages(trainImages).testImages(testImages)
                .training(s.training().toString()).dense(method == TrainingMethod.DENSE ? s.dense().toString() : "")
                .widthScale(s.widthScale()).trainSamples(trainSamples).testPatches(testPatches).epochsRun(history.size())
                .bestEpoch(bestEpoch).trainAccuracy(best.trainAccuracy()).testAccuracy(best.testAccuracy())
                .validationF1(best.validationF1()).calibratedOn(calibratedOn).seconds(seconds)
                .samplesPerSecond(samplesPerSecond).backend(Backend.describeWithCpu()).imageScale(s.imageScaleChoice()).build();
    }

    /** Feature classes with no example in the training images. */
    static List<String> untrained(Task task, List<DenseCrops.Source> sources) {
        List<String> out = new ArrayList<>();
        for (String c : task.featureClassList()) {
            if (sources.stream().flatMap(x -> x.features().stream()).noneMatch(f -> f.className().equals(c))) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<Patch> sample(List<AnnotatedImage> images, PatchSampler sampler, Random random) {
        List<Patch> out = new ArrayList<>();
        for (AnnotatedImage a : images) {
            BufferedImage img = ImageFiles.readRgb(a.image());
            out.addAll(sampler.sample(a, img, random));
        }
        return out;
    }

    private static List<String> names(List<AnnotatedImage> images) {
        return images.stream().map(a -> a.image().getFileName().toString()).toList();
    }
}
