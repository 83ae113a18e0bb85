package org.phenoloc.engine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.phenoloc.engine.evaluation.Statistics;
import org.phenoloc.engine.evaluation.TipPlacement;
import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.AtomicFiles;
import org.phenoloc.engine.io.Progress;
import org.phenoloc.engine.localisation.DetectionCsv;
import org.phenoloc.engine.model.ModelFiles;
import org.phenoloc.engine.model.PhenolocModel;
import org.phenoloc.engine.report.EvaluationReport;
import org.phenoloc.engine.report.LocalisationEvaluation;
import org.phenoloc.engine.report.Markdown;
import org.phenoloc.engine.report.PatchEvaluation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score a model on annotated images: patch report (Table 1), point matching at 8/16/32 px,",
            "the paper's pixel accuracy, counts; writes DIR/report.md, DIR/report.html, plots and overlays."})
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "trained model file")
    Path model;

    @Option(names = "--data", required = true, description = "folder of annotated images")
    Path data;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--overwrite", description = "replace the outputs of an earlier run in DIR (they are removed first)")
    boolean overwrite;

    @Mixin
    LocaliserOptions options;

    @Override
    public Integer call() throws Exception {
        options.config();
        CommandChecks.modelFile(model);
        try (OutputFolder folder = OutputFolder.prepare(out, OutputFolder.Outputs.EVALUATE, overwrite, List.of(data))) {
            return evaluate();
        }
    }

    private int evaluate() throws java.io.IOException {
        PhenolocModel m = ModelFiles.load(model);
        options.config(m);
        var images = org.phenoloc.engine.Task.parse(m.metadata().task()).load(data, null, w -> System.err.println("warning: " + w));
        CommandChecks.knownClasses(data, images, m.metadata().featureClasses());
        Markdown md = evaluate(m, images, options, out, "Evaluation of " + model.getFileName() + " on " + data, true);
        AtomicFiles.writeString(out.resolve("report.md"), md.markdown());
        AtomicFiles.writeString(out.resolve("report.html"), md.html("Phenoloc evaluation"));
        System.out.println(md.markdown());
        System.out.println("wrote " + out.resolve("report.html"));
        return 0;
    }

    /** Every annotated point, where it lies against the other annotated roots, and whether it was found. */
    static final String TIPS_CSV = "tips.csv";

    /**
     * Writes {@link #TIPS_CSV}: image, class, x, y, placement ({@code on_another_root}, {@code beside_another_root},
     * {@code clear_of_other_roots}; empty when the image's annotations have no lines), other_root_px (distance to the
     * nearest other annotated root line; empty without one) and found (matched at the middle radius).
     */
    static void writeTips(Path file, LocalisationEvaluation.Result r) throws java.io.IOException {
        List<String[]> rows = new java.util.ArrayList<>();
        for (var c : r.classes()) {
            for (TipPlacement.Placed p : c.placements().placed()) {
                boolean near = p.lines() && Double.isFinite(p.otherLineDistance());
                rows.add(new String[] {p.image(), c.className(), DetectionCsv.coordinate(p.tip().x()),
                    DetectionCsv.coordinate(p.tip().y()), p.lines() ? p.place().label().replace(' ', '_') : "",
                    near ? DetectionCsv.coordinate(p.otherLineDistance()) : "", Boolean.toString(p.found())});
            }
        }
        ResultWriter.writeCsv(file, new String[] {"image", "class", "x", "y", "placement", "other_root_px", "found"},
                rows);
    }

    /** The image's annotated points, split into those on another annotated root (drawn as x) and the others (+). */
    static TipPlacement.Split marks(org.phenoloc.engine.annotations.AnnotatedImage a, PhenolocModel m) {
        double[] radii = org.phenoloc.engine.Task.parse(m.metadata().task()).evaluationRadii();
        return TipPlacement.Split.of(a.features().stream().map(f -> f.point()).toList(), a.structures(),
                radii[radii.length / 2]);
    }

    /** An up to 900x900 crop of the overlay centred on the annotated points' median. */
    static java.awt.image.BufferedImage overlayDetail(java.awt.image.BufferedImage img,
            org.phenoloc.engine.annotations.AnnotatedImage a, PhenolocModel m, LocaliserOptions options) {
        java.util.List<org.phenoloc.engine.localisation.Detection> detections;
        try (var localiser = new org.phenoloc.engine.localisation.Localiser(m, options.config())) {
            detections = localiser.localise(img, "detail", Progress.NONE).detections();
        }
        var truth = a.features().stream().map(f -> f.point()).toList();
        TipPlacement.Split marks = marks(a, m);
        var full = org.phenoloc.engine.localisation.Renderings.overlay(img, detections, m.metadata().featureClasses(),
                marks.others(), marks.onAnotherRoot(), m.metadata().halfWindowPixels());
        var r = detailWindow(img, truth);
        return full.getSubimage(r.x, r.y, r.width, r.height);
    }

    /** The up to 900x900 part of an image centred on the points' median (the image centre without points). */
    static java.awt.Rectangle detailWindow(java.awt.image.BufferedImage img,
            java.util.List<org.phenoloc.engine.annotations.Point> points) {
        double cx = points.isEmpty() ? img.getWidth() / 2.0 : Statistics.upperMedian(points.stream().mapToDouble(p -> p.x()).toArray());
        double cy = points.isEmpty() ? img.getHeight() / 2.0 : Statistics.upperMedian(points.stream().mapToDouble(p -> p.y()).toArray());
        int w = Math.min(900, img.getWidth());
        int h = Math.min(900, img.getHeight());
        int x0 = (int) Math.max(0, Math.min(img.getWidth() - w, cx - w / 2.0));
        int y0 = (int) Math.max(0, Math.min(img.getHeight() - h, cy - h / 2.0));
        return new java.awt.Rectangle(x0, y0, w, h);
    }

    /**
     * @param tipPlacement whether to add the section on tips lying on other roots (the benchmark writes its own, with
     *                     every method compared)
     */
    static Markdown evaluate(PhenolocModel m, java.util.List<org.phenoloc.engine.annotations.AnnotatedImage> images,
            LocaliserOptions options, Path out, String title, boolean tipPlacement) {
        Markdown md = new Markdown().heading(1, title);
        EvaluationReport.patchSection(md, PatchEvaluation.run(m, images, 4242).report(), images.size() + " images");
        ResultWriter writer = new ResultWriter(out, m.metadata().featureClasses(),
                images.stream().map(a -> a.image().getFileName().toString()).toList());
        Progress cancellable = new Progress() {
            @Override
            public boolean isCancelled() {
                return Cancellation.cancelled();
            }
        };
        java.util.List<String> grey = new java.util.ArrayList<>();
        var r = LocalisationEvaluation.run(m, options.config(), images, cancellable, (img, res) -> {
            if (org.phenoloc.engine.localisation.Localiser.greyForColourModel(m.metadata(), img)) {
                grey.add(res.image());
            }
            TipPlacement.Split marks = images.stream().filter(a -> a.image().getFileName().toString().equals(res.image()))
                    .findFirst().map(a -> marks(a, m)).orElse(new TipPlacement.Split(List.of(), List.of()));
            writer.add(res);
            writer.writePictures(img, res, marks.others(), marks.onAnotherRoot());
            System.out.println("evaluated " + res.image() + ": " + res.detections().size() + " detections, "
                    + (marks.others().size() + marks.onAnotherRoot().size()) + " annotated");
        });
        try {
            writer.finish();
            if (tipPlacement) {
                writeTips(out.resolve(TIPS_CSV), r);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!grey.isEmpty()) {
            String warning = org.phenoloc.engine.localisation.Localiser.greyImagesWarning(grey, images.size());
            System.err.println("warning: " + warning);
            md.paragraph("Warning: " + warning + ".");
        }
        EvaluationReport.localisationSection(md, r);
        if (tipPlacement) {
            EvaluationReport.placementSection(md, r);
        }
        for (var c : r.classes()) {
            if (c.images().stream().anyMatch(s -> s.truth() > 0)) {
                ImageFiles.writePng(out.resolve("precision-recall-" + c.className() + ".png"), EvaluationReport.sweepPlot(c));
                md.image(c.className() + ": precision and recall over threshold", "precision-recall-" + c.className() + ".png");
            }
        }
        // a detail of the first image at full resolution (whole overlays of large images are many megabytes)
        var firstImage = images.get(0);
        var detail = overlayDetail(ImageFiles.readRgb(firstImage.image()), firstImage, m, options);
        String detailName = firstImage.image().getFileName().toString().replaceFirst("\\.[^.]+$", "") + "_overlay_detail.png";
        ImageFiles.writePng(out.resolve(detailName), detail);
        md.image("overlay detail: circles are detections, crosses annotations", detailName);
        return md;
    }
}
