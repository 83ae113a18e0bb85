package org.phenoloc.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.phenoloc.engine.Task;
import org.phenoloc.engine.io.OutputChecks;
import org.phenoloc.engine.training.TrainingJob;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a detector on a folder of images with annotations beside them (X.jpg + X.rsml, or a points CSV image,class,x,y).")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--task", defaultValue = "roots", description = "roots (default) or shoots")
    String task;

    @Option(names = "--data", required = true, description = "folder of annotated images")
    Path data;

    @Option(names = "--model", required = true, description = "model file to write")
    Path model;

    @Mixin
    TrainingOptions options;

    @Override
    public Integer call() throws Exception {
        Task t = Task.parse(task);
        options.settings(t); // settings errors before anything is read
        OutputChecks.checkFile(model); // before training: a finished model must never be lost to an unwritable path
        var images = t.load(data, null, w -> System.out.println("warning: " + w));
        TrainingJob.Settings settings = options.settings(t, images, System.out::println);
        System.out.println("training a " + t.id() + " model on " + data + " (" + settings.training() + ")");
        var outcome = TrainingJob.run(images, data.toString(), settings, new ConsoleTraining(System.out),
                System.out::println);
        ModelSaving.save(outcome.model(), model);
        System.out.println(ConsoleTraining.summary(outcome.provenance()) + "; model written to " + model);
        return 0;
    }
}
