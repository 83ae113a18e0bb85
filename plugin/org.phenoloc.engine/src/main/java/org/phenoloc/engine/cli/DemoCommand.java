package org.phenoloc.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.phenoloc.engine.Task;
import org.phenoloc.engine.io.AtomicFiles;
import org.phenoloc.engine.report.Markdown;
import org.phenoloc.engine.synthetic.RootSystemConfig;
import org.phenoloc.engine.synthetic.RootSystemGenerator;
import org.phenoloc.engine.synthetic.ShootConfig;
import org.phenoloc.engine.synthetic.ShootGenerator;
import org.phenoloc.engine.training.TrainingJob;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The main job on generated data, in a few minutes: generate synthetic root systems (images + RSML),",
            "train the root-tip net, localise and evaluate held-out images, write DIR/report.html."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--task", description = "roots (default) or shoots")
    String task = "roots";

    @Option(names = "--out", description = "output folder (default phenoloc-demo, or phenoloc-demo-shoots for shoots)")
    Path out;

    @Option(names = "--train-images", description = "generated training images (default ${DEFAULT-VALUE})")
    int trainImages = 8;

    @Option(names = "--test-images", description = "generated test images (default ${DEFAULT-VALUE})")
    int testImages = 3;

    @Option(names = "--overwrite", description = "replace the outputs of an earlier demo in DIR (they are removed first)")
    boolean overwrite;

    @Mixin
    TrainingOptions training = quick();

    @Mixin
    LocaliserOptions localiser = demoLocaliser();

    /**
     * The demo trains densely (the default method) with a shorter budget, 8 epochs of 128 crops, so it finishes in a
     * few minutes; the threshold is the one calibrated on the held-out generated images, as for any model.
     */
    private static TrainingOptions quick() {
        TrainingOptions t = new TrainingOptions();
        t.epochs = 8;
        t.cropsPerEpoch = 128;
        return t;
    }

    private static LocaliserOptions demoLocaliser() {
        return new LocaliserOptions();
    }

    @Override
    public Integer call() throws Exception {
        Task t = Task.parse(task);
        if (out == null) {
            out = Path.of(t == Task.ROOTS ? "phenoloc-demo" : "phenoloc-demo-shoots");
        }
        try (OutputFolder folder = OutputFolder.prepare(out, OutputFolder.Outputs.DEMO, overwrite, List.of())) {
            return demo(t);
        }
    }

    private int demo(Task t) throws java.io.IOException {
        Path trainDir = out.resolve("data/train");
        Path testDir = out.resolve("data/test");
        System.out.println("generating " + trainImages + " training and " + testImages + " test images in " + out.resolve("data"));
        if (t == Task.ROOTS) {
            RootSystemConfig base = RootSystemConfig.defaults();
            RootSystemGenerator.writeDataset(trainDir, trainImages, base.withSeed(1000));
            RootSystemGenerator.writeDataset(testDir, testImages, base.withSeed(2000));
        } else {
            ShootConfig base = ShootConfig.defaults();
            ShootGenerator.writeDataset(trainDir, trainImages, base.withSeed(1000));
            ShootGenerator.writeDataset(testDir, testImages, base.withSeed(2000));
        }
        var annotated = t.load(trainDir, null, w -> System.err.println("warning: " + w));
        TrainingJob.Settings settings = training.settings(t, annotated, System.out::println);
        if (t == Task.SHOOTS && training.widthScale == null) {
            // the paper-sized shoot net trains slowly on 2 cores: the demo uses the narrow preset
            settings = settings.withWidthScale(0.25);
        }
        var outcome = TrainingJob.run(annotated, trainDir.toString(), settings, new ConsoleTraining(System.out),
                System.out::println);
        Path modelFile = out.resolve(t.id() + ".phenoloc");
        ModelSaving.save(outcome.model(), modelFile);
        System.out.println("model written to " + modelFile);
        var test = t.load(testDir, null, w -> System.err.println("warning: " + w));
        Path results = out.resolve("results");
        Files.createDirectories(results);
        String title = "Phenoloc demo: " + (t == Task.ROOTS ? "root tips" : "leaf and ear tips and bases") + " on synthetic images";
        Markdown md = EvaluateCommand.evaluate(outcome.model(), test, localiser, results, title, true);
        Markdown full = new Markdown().heading(1, title);
        full.paragraph(Markdown.f("Trained (%s method) on %d generated images: %s; evaluated on %d unseen generated images.",
                outcome.provenance().method(), trainImages, ConsoleTraining.summary(outcome.provenance()), testImages));
        String body = md.markdown().substring(md.markdown().indexOf('\n') + 1);
        full.raw(body.replace("](", "](results/"));
        AtomicFiles.writeString(out.resolve("report.md"), full.markdown());
        AtomicFiles.writeString(results.resolve("report.html"), md.html("Phenoloc demo"));
        AtomicFiles.writeString(out.resolve("report.html"), "<!DOCTYPE html><meta http-equiv=\"refresh\" content=\"0; url=results/report.html\">"
                + "<a href=\"results/report.html\">report</a>\n");
        System.out.println("demo finished: open " + out.resolve("report.html"));
        return 0;
    }
}
