package org.phenoloc.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.phenoloc.engine.imageio.ImageFiles;
import org.phenoloc.engine.io.AtomicFiles;
import org.phenoloc.engine.io.Progress;
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

    @Mixin
    LocaliserOptions options;

    @Override
    public Integer call() throws Exception {
        PhenolocModel m = ModelFiles.load(model);
        var images = org.phenoloc.engine.Task.parse(m.metadata().task()).load(data, null, w -> System.err.println("warning: " + w));
        Files.createDirectories(out);
        Markdown md = evaluate(m, images, options, out, "Evaluation of " + model.getFileName() + " on " + data);
        AtomicFiles.writeString(out.resolve("report.md"), md.markdown());
        AtomicFiles.writeString(out.resolve("report.html"), md.html("Phenoloc evaluation"));
        System.out.println(md.markdown());
        System.out.println("wrote " + out.resolve("report.html"));
        return 0;
    }

    static Markdown evaluate(PhenolocModel m, java.util.List<org.phenoloc.engine.annotations.AnnotatedImage> images,
            LocaliserOptions options, Path out, String title) {
        Markdown md = new Markdown().heading(1, title);
        EvaluationReport.patchSection(md, PatchEvaluation.run(m, images, 4242).report(), images.size() + " images");
        ResultWriter writer = new ResultWriter(out, m.metadata().featureClasses());
        var r = LocalisationEvaluation.run(m, options.config(), images, Progress.NONE, (img, res) -> {
            var truth = images.stream().filter(a -> a.image().getFileName().toString().equals(res.image())).findFirst()
                    .map(a -> a.features().stream().map(f -> f.point()).toList()).orElse(java.util.List.of());
            writer.add(res);
            writer.writePictures(img, res, truth);
            System.out.println("evaluated " + res.image() + ": " + res.detections().size() + " detections, " + truth.size() + " annotated");
        });
        try {
            writer.finish();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        EvaluationReport.localisationSection(md, r);
        for (var c : r.classes()) {
            if (c.images().stream().anyMatch(s -> s.truth() > 0)) {
                ImageFiles.writePng(out.resolve("precision-recall-" + c.className() + ".png"), EvaluationReport.sweepPlot(c));
                md.image(c.className() + ": precision and recall over threshold", "precision-recall-" + c.className() + ".png");
            }
        }
        String first = r.classes().get(0).images().get(0).image().replaceFirst("\\.[^.]+$", "");
        md.image("overlay: circles detections, crosses annotations", first + "_overlay.png");
        return md;
    }
}
