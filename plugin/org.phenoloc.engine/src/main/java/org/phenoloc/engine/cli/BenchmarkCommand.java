package org.phenoloc.engine.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.phenoloc.engine.Task;
import org.phenoloc.engine.annotations.AnnotatedImage;
import org.phenoloc.engine.annotations.Point;
import org.phenoloc.engine.baseline.SkeletonTipConfig;
import org.phenoloc.engine.baseline.SkeletonTipDetector;
import org.phenoloc.engine.baseline.SkeletonTipTuner;
import org.phenoloc.engine.evaluation.PatchReport;
import org.phenoloc.engine.evaluation.ScoredPoint;
import org.phenoloc.engine.evaluation.Statistics;
import org.phenoloc.engine.evaluation.TipPlacement;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.AtomicFiles;
import org.phenoloc.engine.io.BadInputException;
import org.phenoloc.engine.io.OutputChecks;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.DenseScanner;
import org.phenoloc.engine.localisation.Detection;
import org.phenoloc.engine.localisation.ImageScaling;
import org.phenoloc.engine.localisation.NaiveScanner;
import org.phenoloc.engine.localisation.Renderings;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.engine.model.ModelMetadata;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.engine.network.Backend;
import org.phenoloc.engine.patches.ImageSplit;
import org.phenoloc.engine.patches.Patch;
import org.phenoloc.engine.patches.PatchSampler;
import org.phenoloc.engine.report.Efficiency;
import org.phenoloc.engine.report.EvaluationReport;
import org.phenoloc.engine.report.LocalisationEvaluation;
import org.phenoloc.engine.report.Markdown;
import org.phenoloc.engine.report.MethodComparison;
import org.phenoloc.engine.report.PatchEvaluation;
import org.phenoloc.engine.report.Plots;
import org.phenoloc.engine.report.TipPlacementSection;
import org.phenoloc.engine.training.Trainer;
import org.phenoloc.engine.training.TrainingConfig;
import org.phenoloc.engine.training.TrainingJob;
import org.phenoloc.engine.training.TrainingListener;
import org.phenoloc.engine.training.TrainingMethod;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "benchmark", mixinStandardHelpOptions = true, subcommands = ScaleBenchmarkCommand.class,
        description = {"Accuracy and speed on real images: train on DATA/train, evaluate on DATA/valid, time the dense",
            "scan against the naive one in the same run; writes OUT/roots.md with tables and PNG plots."})
final class BenchmarkCommand implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "roots", description = "task: roots or shoots")
    String task;

    @Option(names = "--data", description = {"folder with train/ and valid/, or one folder that is split by image",
        "(default ../shared/data/roots/osr-rootnav2 for roots, ../shared/data/shoots/maize-leaf-tips for shoots)"})
    Path data;

    @Option(names = "--eval-fraction", description = "share of images held out for evaluation when DATA has no train/valid split (default ${DEFAULT-VALUE})")
    double evalFraction = 1.0 / 3;

    @Option(names = "--out", description = "report folder (default ${DEFAULT-VALUE})")
    Path out = Path.of("docs/results");

    @Option(names = "--naive-crop", description = "side of the crop the naive scan is timed on (default ${DEFAULT-VALUE})")
    int naiveCrop = 256;

    @Option(names = "--model", description = {"evaluate and time this trained model instead of training one",
        "(its training figures are read from its provenance)"})
    Path trained;

    @Option(names = "--compare", split = ",", description = "also evaluate these trained models (e.g. a narrower preset) on the same images and tabulate accuracy against speed")
    List<Path> compare = List.of();

    @Option(names = "--paper-model", description = "the paper's recipe as an already trained model (default: train it in this run)")
    Path paperModel;

    @Option(names = "--no-paper", description = "skip the paper's recipe in the method comparison")
    boolean noPaper;

    @Mixin
    TrainingOptions training;

    @Mixin
    LocaliserOptions localiser;

    /** The training log's line on the final calibration (FinalCalibration's note) starts with this. */
    private static final String CALIBRATION_LOG = "calibration: ";

    /** That line of this run's training, for the report; empty for a model trained earlier. */
    private String calibrationNote = "";
    /** How the image scale was chosen from the training images (empty when given or trained earlier). */
    private String scaleNote = "";

    /** The benchmark's images: DATA/train and DATA/valid, or one folder split by image. */
    private record Split(List<AnnotatedImage> train, List<AnnotatedImage> valid, String description) {}

    /** This run's model, its training minutes (NaN when loaded) and its training outcome (null when loaded). */
    private record Trained(PhenolocModel model, double minutes, TrainingJob.Outcome outcome) {}

    @Override
    public Integer call() throws Exception {
        Task t = Task.parse(task);
        // the model files named on the command line exist, before minutes of training (the paper's is loaded after it)
        for (Path m : java.util.stream.Stream.concat(java.util.stream.Stream.of(trained, noPaper ? null : paperModel),
                compare.stream()).filter(java.util.Objects::nonNull).toList()) {
            CommandChecks.modelFile(m);
        }
        Split split = loadData(t);
        OutputChecks.checkFolder(out); // before training: writable, not a file, disk not full
        try (OutputLock lock = OutputLock.acquire(out)) { // a second benchmark into the folder is refused
            return report(t, split);
        }
    }

    /** Trains (or loads), compares, evaluates and writes the report into {@code out}, which this run holds. */
    private Integer report(Task t, Split split) throws Exception {
        Trained run = trainOrLoad(t, split.train());
        PhenolocModel model = run.model();
        var prov = model.metadata().training();
        Markdown md = new Markdown().heading(1, "Benchmark: " + t.id() + " on " + data.getFileName());
        md.paragraph("Measured by `./phenoloc benchmark " + t.id() + "` on " + Backend.describeWithCpu() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ". Data: " + split.description() + ". Training used the images " + String.join(" ", prov.trainImages())
                + " for fitting and " + String.join(" ", prov.testImages()) + " for model selection"
                + (prov.method().equals("dense")
                ? " and calibration (with the fitting images when fewer than 5 are held out: see Training)" : "")
                + "; evaluation uses " + split.valid().size()
                + " images never seen in training. Network: " + model.metadata().architecture() + ".");
        List<Cnn> cnns = compareMethods(md, t, model, run.minutes(), split.train(), split.valid());
        trainingSection(md, model, split.train());
        List<PatchReport> patches = new ArrayList<>();
        for (Cnn c : cnns) {
            patches.add(PatchEvaluation.run(c.model(), split.valid(), 4242).report());
        }
        EvaluationReport.patchSection(md, patches.get(0), "evaluation images");
        if (cnns.size() > 1) {
            EvaluationReport.patchComparison(md, cnns.stream().map(Cnn::name).toList(), patches);
        }
        Markdown eval = EvaluateCommand.evaluate(model, split.valid(), localiser, out.resolve(t.id() + "-images"), "x", false);
        String body = eval.markdown();
        body = body.substring(body.indexOf("## Localisation"));
        md.raw(body.replace("](", "](" + t.id() + "-images/"));
        BufferedImage img = speedSection(md, model, split.valid());
        Efficiency.append(md, model, localiser.config(),
                split.valid().stream().map(a -> a.image()).toList());
        md.paragraph("Memory of localisation alone, measured in a child JVM (-Xmx1g) scanning a generated "
                + "5472x3648 (20 megapixel) image with heat map and binary map: "
                + probeMemory(trained != null ? trained : out.resolve(t.id() + "-benchmark.phenoloc")));
        if (run.outcome() != null) {
            ImageFiles.writePng(out.resolve(t.id() + "-training.png"), trainingPlot(run.outcome()));
            md.image("training history", t.id() + "-training.png");
        }
        if (!compare.isEmpty()) {
            presetSection(md, model, split.valid(), img);
        }
        AtomicFiles.writeString(out.resolve(t.id() + ".md"), md.markdown());
        System.out.println(md.markdown());
        return 0;
    }

    private Split loadData(Task t) {
        if (data == null) {
            data = Path.of(t == Task.ROOTS ? "../shared/data/roots/osr-rootnav2" : "../shared/data/shoots/maize-leaf-tips");
        }
        if (!Files.isDirectory(data)) {
            throw new BadInputException(data, "benchmark data folder not found");
        }
        java.util.function.Consumer<String> warn = w -> System.err.println("warning: " + w);
        if (Files.isDirectory(data.resolve("train")) && Files.isDirectory(data.resolve("valid"))) {
            return new Split(t.load(data.resolve("train"), null, warn), t.load(data.resolve("valid"), null, warn),
                    "train/ and valid/");
        }
        var s = ImageSplit.of(t.load(data, null, warn), evalFraction, 7);
        return new Split(s.train(), s.test(), Markdown.f("a seeded split by image (%d for training, %d for evaluation)",
                s.train().size(), s.test().size()));
    }

    /** The --model file, or a model trained here with the training options (saved to OUT/TASK-benchmark.phenoloc). */
    private Trained trainOrLoad(Task t, List<AnnotatedImage> train) throws java.io.IOException {
        if (trained != null) {
            return new Trained(ModelFiles.load(trained), Double.NaN, null);
        }
        long t0 = System.nanoTime();
        var settings = training.settings(t, train, System.out::println, c -> scaleNote = c.reason());
        TrainingJob.Outcome outcome = TrainingJob.run(train, data.toString(), settings, new ConsoleTraining(System.out),
                line -> {
                    System.out.println(line);
                    if (line.startsWith(CALIBRATION_LOG)) {
                        calibrationNote = line.substring(CALIBRATION_LOG.length());
                    }
                });
        double minutes = (System.nanoTime() - t0) / 60e9;
        ModelSaving.save(outcome.model(), out.resolve(t.id() + "-benchmark.phenoloc"));
        return new Trained(outcome.model(), minutes, outcome);
    }

    /** Training settings, scale, calibration and the training table (from the model's provenance). */
    private void trainingSection(Markdown md, PhenolocModel model, List<AnnotatedImage> train) {
        var prov = model.metadata().training();
        md.heading(2, "Training (" + prov.method() + " method)");
        md.paragraph("Training settings: " + prov.training() + (prov.dense().isEmpty() ? "" : "; " + prov.dense())
                + ". Image scale " + Markdown.f("%.2f", model.metadata().imageScale())
                + (scaleNote.isEmpty() ? "" : " (" + scaleNote + ")") + ". Trained on: " + prov.backend() + (trained != null ? " (model " + trained.getFileName()
                + ", trained in an earlier run)" : "") + "." + (prov.calibratedOn().isEmpty() ? ""
                : " Calibrated on the " + prov.calibratedOn() + (calibrationNote.isEmpty() ? "" : ": " + calibrationNote)
                + "; flip averaging " + (model.metadata().flipAveraging() ? "on" : "off") + "."));
        md.table(List.of("method", "samples", "epochs run", "best epoch", "samples/s (fitting)", "seconds",
                "held-out patch acc", "validation F1", "calibrated thresholds"),
                List.of(List.of(prov.method(), Long.toString(prov.trainSamples()) + (prov.method().equals("dense") ? " crops" : " patches"),
                        Integer.toString(prov.epochsRun()), Integer.toString(prov.bestEpoch()),
                        Markdown.f("%.1f", prov.samplesPerSecond()), Markdown.f("%.0f", prov.seconds()),
                        Markdown.f("%.4f", prov.testAccuracy()), Markdown.f("%.3f", prov.validationF1()),
                        trainedThresholds(model.metadata()) + ", radius "
                                + Markdown.f("%.0f px", model.metadata().suppressionRadius()))));
        if (!model.metadata().untrainedClasses().isEmpty()) {
            md.paragraph("Untrained (no examples in the training data, no detections, accuracy unknown): "
                    + String.join(", ", model.metadata().untrainedClasses()) + ".");
        }
        if (trained != null && prov.method().equals("patches")) {
            // the model may have been trained on a busy machine: measure fitting throughput here, in this run
            md.paragraph(Markdown.f("Training throughput measured in this run (2 epochs of a fresh network of the same "
                    + "shape on the same training images, batch 32): %.0f patches/s.", throughput(model.metadata(), train)));
        }
    }

    /**
     * Dense against naive scan in the same run: the first evaluation image (scaled as the model scans) timed warm,
     * the naive scan on a central crop of it.
     *
     * @return the scaled image, which the preset comparison times too
     */
    private BufferedImage speedSection(Markdown md, PhenolocModel model, List<AnnotatedImage> valid) {
        BufferedImage img = ImageFiles.readRgb(valid.get(0).image());
        var arch = model.metadata().architecture();
        DenseScanner dense = new DenseScanner(model.network(), arch);
        img = ImageScaling.scale(img, model.metadata().imageScale());
        double mp = img.getWidth() * (double) img.getHeight() / 1e6;
        long t0 = System.nanoTime();
        dense.scan(img, 4, Progress.NONE);
        double first = (System.nanoTime() - t0) / 1e9;
        double[] warm = new double[3];
        for (int i = 0; i < warm.length; i++) {
            long s = System.nanoTime();
            dense.scan(img, 4, Progress.NONE);
            warm[i] = (System.nanoTime() - s) / 1e9;
        }
        double warmMedian = Statistics.upperMedian(warm);
        int side = Math.min(naiveCrop, Math.min(img.getWidth(), img.getHeight()));
        BufferedImage crop = img.getSubimage(img.getWidth() / 2 - side / 2, img.getHeight() / 2 - side / 2, side, side);
        long n0 = System.nanoTime();
        new NaiveScanner(model.network(), arch).scan(crop, 4, Progress.NONE);
        double naive = (System.nanoTime() - n0) / 1e9;
        double naivePerMp = naive / (side * side / 1e6);
        double densePerMp = warmMedian / mp;
        md.heading(2, "Speed (stride 4" + (model.metadata().imageScale() != 1.0 ? ", on the image scaled by " + model.metadata().imageScale() : "") + ")");
        md.table(List.of("path", "image", "seconds", "s per megapixel"), List.of(
                List.of("dense, first call", Markdown.f("%dx%d", img.getWidth(), img.getHeight()), Markdown.f("%.2f", first), Markdown.f("%.2f", first / mp)),
                List.of("dense, warm (median of 3)", Markdown.f("%dx%d", img.getWidth(), img.getHeight()), Markdown.f("%.2f", warmMedian), Markdown.f("%.2f", densePerMp)),
                List.of("naive window-by-window", Markdown.f("%dx%d crop", side, side), Markdown.f("%.2f", naive), Markdown.f("%.1f", naivePerMp))));
        md.paragraph(Markdown.f("Dense is %.0fx faster per megapixel than the naive scan. Peak resident memory of this "
                + "process (VmHWM, includes training): %s.", naivePerMp / densePerMp, peakMemory()));
        return img;
    }

    /** The --compare models beside this run's on the same evaluation images. */
    private void presetSection(Markdown md, PhenolocModel model, List<AnnotatedImage> valid, BufferedImage img) {
        md.heading(2, "Presets compared on the same evaluation images");
        List<List<String>> rows = new ArrayList<>();
        rows.add(summaryRow("this run's model", model, valid, img));
        for (Path c : compare) {
            rows.add(summaryRow(c.getFileName().toString(), ModelFiles.load(c), valid, img));
        }
        md.table(List.of("model", "network", "parameters", "training samples/s", "patch accuracy %",
                "F1 per class (middle radius, model thresholds)", "dense s per MP (scanned image)"), rows);
    }

    /** A network among the compared methods, by its name in the methods table. */
    private record Cnn(String name, PhenolocModel model) {}

    /**
     * The side-by-side table: this run's model, the paper's recipe as-is (patches, full width, fixed 0.99) and the
     * classical skeleton pipeline tuned on the training images; same evaluation images, same matching.
     *
     * @return the compared networks: this run's model first, then the paper's recipe unless {@code --no-paper}
     */
    private List<Cnn> compareMethods(Markdown md, Task t, PhenolocModel model, double trainMinutes,
            List<AnnotatedImage> train,
            List<AnnotatedImage> valid) throws java.io.IOException {
        String cls = t.featureClassList().get(0);
        List<List<Point>> truth = MethodRuns.truth(valid, cls);
        List<MethodComparison.Method> methods = new ArrayList<>();
        String scans = model.metadata().flipAveraging() ? ", flip-averaged: 4 scans" : "";
        String ours = model.metadata().training().method().equals("dense") ? "dense training (ours, default" + scans + ")"
                : "this run's model" + (scans.isEmpty() ? "" : " (" + scans.substring(2) + ")");
        methods.add(MethodRuns.cnn(ours, model, valid, cls, localiser.stride, trainMinutes));
        List<Cnn> cnns = new ArrayList<>(List.of(new Cnn(ours, model)));
        if (!noPaper) {
            double paperMinutes = Double.NaN;
            PhenolocModel paper;
            if (paperModel != null) {
                paper = ModelFiles.load(paperModel);
            } else {
                System.out.println("training the paper's recipe for the comparison");
                long t0 = System.nanoTime();
                var s = training.settings(t).withMethod(TrainingMethod.PATCHES)
                        .withWidthScale(1.0).withTraining(TrainingConfig.defaults())
                        .withImageScale(new TrainingJob.ScaleChoice(t.imageScale(), "the paper's recipe"));
                paper = TrainingJob.run(train, data.toString(), s, new ConsoleTraining(System.out), System.out::println).model();
                paperMinutes = (System.nanoTime() - t0) / 60e9;
                ModelFiles.save(paper, out.resolve(t.id() + "-paper.phenoloc"));
            }
            String name = "paper's recipe (patches, threshold " + paper.metadata().thresholds().get(cls) + ")";
            methods.add(MethodRuns.cnn(name, paper, valid, cls, localiser.stride, paperMinutes));
            cnns.add(new Cnn(name, paper));
        }
        methods.add(classical(t, train, valid));
        md.heading(2, "Methods compared (" + cls + ", same images, same matching)");
        md.paragraph("Each method at its default operating point: ours at the threshold, suppression radius and flip "
                + "choice calibrated on training images (the held-out ones, joined by the others when fewer than 5 are "
                + "held out; see Training below) and stored in the model; the paper's recipe at its fixed threshold; "
                + "the classical pipeline with its parameters tuned on the training images only"
                + ". Precision, recall and F1 from one-to-one matching, counts summed over the evaluation images; "
                + "training minutes measured in this run ('-': trained in an earlier run); detection cost per megapixel "
                + "of the original image.");
        double[] radii = t.evaluationRadii();
        MethodComparison.table(md, methods, truth, radii);
        double mid = radii[radii.length / 2];
        ImageFiles.writePng(out.resolve(t.id() + "-methods-pr.png"),
                MethodComparison.precisionRecall(methods, truth, mid));
        md.image("precision-recall of each method", t.id() + "-methods-pr.png");
        if (classicalConfig != null) {
            md.paragraph("Classical settings chosen on the training images: `" + classicalConfig + "`.");
        }
        TipPlacementSection.write(md, mid,
                methods.stream().map(MethodComparison.Method::name).toList(),
                methods.stream().map(m -> MethodRuns.placements(m, valid, truth, mid)).toList());
        int worst = MethodComparison.mostDifferent(methods, truth, mid);
        writeMethodOverlays(md, t, methods, valid.get(worst), worst, truth.get(worst));
        return cnns;
    }

    /** Overlay details of one image, one per method (circles detections, crosses annotations). */
    private void writeMethodOverlays(Markdown md, Task t, List<MethodComparison.Method> methods,
            AnnotatedImage a, int index, List<Point> truth) {
        BufferedImage img = ImageFiles.readRgb(a.image());
        java.awt.Rectangle r = EvaluateCommand.detailWindow(img, truth);
        double[] radii = t.evaluationRadii();
        TipPlacement.Split marks = TipPlacement.Split.of(truth, a.structures(), radii[radii.length / 2]);
        md.paragraph("The evaluation image where the methods differ most (" + a.image().getFileName() + "), a "
                + r.width + "x" + r.height + " detail per method (circles: detections; crosses: annotated tips"
                + (marks.onAnotherRoot().isEmpty() ? "" : ", diagonal where the tip lies on another annotated root")
                + "):");
        for (int k = 0; k < methods.size(); k++) {
            var m = methods.get(k);
            var dets = m.kept(index).stream().map(p -> new Detection(
                    t.featureClassList().get(0), p.x(), p.y(), 1)).toList();
            var full = Renderings.overlay(img, dets, t.featureClassList(), marks.others(), marks.onAnotherRoot(),
                    t.recipe().window() / 2.0 / t.imageScale());
            String name = t.id() + "-method" + (k + 1) + "-overlay.png";
            ImageFiles.writePng(out.resolve(name), full.getSubimage(r.x, r.y, r.width, r.height));
            md.image(m.name(), name);
        }
    }

    /**
     * The classical skeleton pipeline, tuned on the training images: root ends on the blue paper, or leaf ends of
     * the green shoot against the booth's neutral background.
     */
    private MethodComparison.Method classical(Task t,
            List<AnnotatedImage> train,
            List<AnnotatedImage> valid) {
        System.out.println("tuning the classical skeleton baseline on the training images");
        long t0 = System.nanoTime();
        double match = t.evaluationRadii()[t.evaluationRadii().length / 2];
        var grid = t == Task.ROOTS ? SkeletonTipTuner.defaultGrid(SkeletonTipConfig.defaults())
                : SkeletonTipTuner.leafTipGrid(SkeletonTipConfig.leafTipDefaults());
        Progress perImage = new Progress() { // a line per training image; Ctrl-C stops between settings
            private String last;

            @Override
            public void update(double fraction, String message) {
                if (!message.equals(last)) {
                    System.out.println("  " + message);
                    last = message;
                }
            }

            @Override
            public boolean isCancelled() {
                return Cancellation.cancelled();
            }
        };
        var tuned = new SkeletonTipTuner(grid, match)
                .tune(train, t.featureClassList().get(0), perImage);
        double minutes = (System.nanoTime() - t0) / 60e9;
        classicalConfig = tuned.best().toString();
        var detector = new SkeletonTipDetector(tuned.best());
        List<List<ScoredPoint>> found = new ArrayList<>();
        double seconds = 0;
        double mp = 0;
        for (var a : valid) {
            BufferedImage img = ImageFiles.readRgb(a.image());
            long s0 = System.nanoTime();
            found.add(detector.detectScored(img));
            seconds += (System.nanoTime() - s0) / 1e9;
            mp += img.getWidth() * (double) img.getHeight() / 1e6;
        }
        // scores are branch lengths (>= 0): every detection counts at the operating point
        return new MethodComparison.Method(
                "classical skeleton end points (tuned on train)", found, 0, minutes, seconds / mp);
    }

    /** The model's thresholds of the classes it was trained on. */
    private static java.util.Map<String, Double> trainedThresholds(ModelMetadata m) {
        java.util.Map<String, Double> t = new java.util.LinkedHashMap<>(m.thresholds());
        t.keySet().removeAll(m.untrainedClasses());
        return t;
    }

    /** The tuned classical settings, for the report. */
    private String classicalConfig;

    private double throughput(ModelMetadata meta,
            List<AnnotatedImage> images) {
        var sampler = new PatchSampler(meta.recipe(), meta.classes(), meta.architecture().channels());
        var random = new java.util.Random(1);
        List<Patch> patches = new ArrayList<>();
        for (var a : images) {
            patches.addAll(sampler.sample(a, ImageFiles.readRgb(a.image()), random));
        }
        var cfg = new TrainingConfig(2, 32, 0.01, 0, 0.9, 5e-4, 0, true, 1);
        return new Trainer(meta.architecture(), cfg)
                .train(patches, List.of(), TrainingListener.NONE).samplesPerSecond();
    }

    private List<String> summaryRow(String name, PhenolocModel m,
            List<AnnotatedImage> valid, BufferedImage scanned) {
        var patch = PatchEvaluation.run(m, valid, 4242).report();
        var loc = LocalisationEvaluation.run(m, localiser.config(), valid, Progress.NONE, null);
        StringBuilder f1 = new StringBuilder();
        for (var c : loc.classes()) {
            if (c.images().stream().anyMatch(s -> s.truth() > 0)) {
                f1.append(f1.length() == 0 ? "" : ", ").append(c.className()).append(' ')
                        .append(Markdown.f("%.3f", c.byRadius().get(c.sweepRadius()).f1()));
            }
        }
        DenseScanner d = new DenseScanner(m.network(), m.metadata().architecture());
        d.scan(scanned, 4, Progress.NONE);
        long s0 = System.nanoTime();
        d.scan(scanned, 4, Progress.NONE);
        double spm = (System.nanoTime() - s0) / 1e9 / (scanned.getWidth() * (double) scanned.getHeight() / 1e6);
        return List.of(name, m.metadata().architecture().toString(), Long.toString(m.network().numParams()),
                Markdown.f("%.1f %s", m.metadata().training().samplesPerSecond(),
                        m.metadata().training().method().equals("dense") ? "crops" : "patches"),
                Markdown.f("%.1f", patch.overallAccuracyPercent()), f1.toString(), Markdown.f("%.2f", spm));
    }

    private static java.awt.image.BufferedImage trainingPlot(TrainingJob.Outcome o) {
        var h = o.history();
        boolean dense = !Double.isNaN(h.get(0).validationF1());
        double[] x = new double[h.size()];
        double[] tr = new double[h.size()];
        double[] te = new double[h.size()];
        for (int i = 0; i < h.size(); i++) {
            x[i] = h.get(i).epoch();
            tr[i] = h.get(i).trainAccuracy();
            te[i] = dense ? h.get(i).validationF1() : h.get(i).testAccuracy();
        }
        List<Plots.Series> s = new ArrayList<>();
        if (!dense) {
            s.add(new Plots.Series("train", x, tr, java.awt.Color.BLUE));
        }
        s.add(new Plots.Series("held out", x, te, java.awt.Color.RED));
        return Plots.lineChart(dense ? "Validation F1 per epoch (calibrated threshold)"
                : "Patch accuracy per epoch", "epoch", dense ? "F1" : "accuracy", 1, Math.max(2, h.size()), dense ? 0 : 0.5, 1, s);
    }

    /** Localises a 20 MP image in a child JVM and returns its report line (peak RSS = VmHWM). */
    private static String probeMemory(Path model) {
        try {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var pb = new ProcessBuilder(javaBin, "-Xmx1g", "-Dorg.eclipse.deeplearning4j.helpers.disable=false",
                    "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir", ""),
                    "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName(), model.toString(), "5472", "3648");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().filter(l -> l.startsWith("probe ")).findFirst().orElse("probe failed: " + out.strip());
        } catch (Exception e) {
            return "probe failed: " + e;
        }
    }

    static String peakMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM")) {
                    return line.substring(6).trim();
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "n/a";
    }
}
